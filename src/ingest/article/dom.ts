/**
 * @module ingest/article/dom
 * The few DOM types this module uses. The project compiles without the DOM lib (it runs on Node);
 * linkedom's documents satisfy these interfaces.
 */

export interface DomNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentElement: DomElement | null;
  /** Cheaper than childNodes in linkedom, which builds a new list on every read. */
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}

export interface DomParent extends DomNode {
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export interface DomElement extends DomParent {
  readonly localName: string;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  hasAttributes(): boolean;
  getAttributeNames(): readonly string[];
  /** The attribute as written; linkedom's getAttribute('class') joins a new token list each time. */
  getAttributeNode(name: string): { readonly value: string } | null;
  readonly isConnected: boolean;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  remove(): void;
}

export interface DomDocument extends DomParent {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
}
