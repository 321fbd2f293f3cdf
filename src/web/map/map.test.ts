import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry, type IsoDate, type Registry } from '../../registry/index.js';
import { dutyMap, dutyFills, worldMap } from './index.js';
import { worldShapes, worldSprite } from './world.js';

let reg: Registry;
beforeAll(() => {
  reg = loadRegistry();
});

const day = '2024-09-03' as IsoDate;

describe('the duty map', () => {
  it('colours the states that must arrest him on the day, from the law engine', () => {
    const fills = dutyFills(reg, 'putin-vladimir', day, 'MN');
    expect(fills.get('MN')).toBe('host-binding'); // a State Party since 2002
    expect(fills.get('FR')).toBe('binding');
    expect(fills.has('RU')).toBe(false);
    expect(fills.has('US')).toBe(false);
    expect(dutyFills(reg, 'putin-vladimir', '2022-01-01' as IsoDate).size).toBe(0); // no warrant yet
  });

  it('draws every state once, as a link to its page, titled in words', () => {
    const { document } = parseHTML(
      `<!doctype html><html><body>${dutyMap(reg, 'putin-vladimir', day, 'MN').text}</body></html>`,
    );
    const svg = document.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('group'); // of links: an image may hold nothing interactive
    expect(document.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent).toBe(
      'States that must arrest Vladimir Putin on 2024-09-03',
    );
    const links = [...document.querySelectorAll('svg a')];
    expect(links.length).toBe(worldShapes().length);
    expect(links.length).toBeGreaterThan(150);
    const mongolia = links.find((a) => a.getAttribute('href') === '/countries/MN')!;
    const shape = mongolia.querySelector('use')!;
    expect(shape.getAttribute('class')).toBe('state host-binding');
    // The shape itself is in the one sprite document every map points into.
    const [file, id] = shape.getAttribute('href')!.split('#');
    expect(file).toBe(worldSprite().href);
    const sprite = parseHTML(worldSprite().svg).document;
    expect(sprite.getElementById(id!)?.getAttribute('d')).toBe(worldShapes().find((s) => s.iso2 === 'MN')!.d);
    expect(mongolia.getAttribute('aria-label')).toBe('Mongolia: host, must arrest');
    expect(document.querySelector('.legend')!.textContent).toContain('must arrest');
  });

  it('escapes the names it is given', () => {
    const out = worldMap({ title: '<b>x</b>', fills: new Map(), nameOf: () => '"><script>' }).text;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>x</b>');
  });
});
