/**
 * Cases written for this file, not taken from the corpus: news as the extractor has not seen it
 * (wire datelines, headlines, quotes, relative days, lists, tours, officials travelling instead of
 * the wanted person, namesakes, the Court itself, five languages), each with the events the corpus
 * rules (../shared/corpus/README.md) give it.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../testing/extract.js';

/** Every event as "type subject country city status start end", sorted ('-' for a blank field). */
const events = (text: string, published: string | null): string[] =>
  extract({ text, published })
    .map((e) =>
      [e.type, e.subjectId, e.countryIso2 ?? '-', e.city ?? '-', e.status, e.start ?? '-', e.end ?? '-'].join(
        ' ',
      ),
    )
    .sort();

// 2026-03-04 is a Wednesday.
const WED = '2026-03-04';

describe('wire copy', () => {
  it('takes the city from a dateline that says where he is', () => {
    expect(
      events(
        'ULAANBAATAR, Sept 3 (Reuters) - Russian President Vladimir Putin arrived in Mongolia late on Monday for his first visit to an ICC member state since the court issued a warrant for his arrest.',
        '2024-09-03',
      ),
    ).toEqual([
      'trip putin-vladimir MN Ulaanbaatar under_way 2024-09-02 -',
      'warrant_issued putin-vladimir - - completed - -',
    ]);
  });
  it('reads a plan announced from his own capital', () => {
    expect(
      events(
        'MOSCOW, March 3 (Reuters) - Vladimir Putin will travel to India next week for an annual summit with Prime Minister Narendra Modi, the Kremlin said on Tuesday.',
        '2026-03-03',
      ),
    ).toEqual(['trip putin-vladimir IN - planned - -']);
  });
  it('reads attendance by video link', () => {
    expect(
      events(
        'JOHANNESBURG, Aug 22 (AP) — Vladimir Putin addressed the BRICS summit in Johannesburg by video link, having stayed in Moscow to avoid arrest.',
        '2023-08-22',
      ),
    ).toEqual(['trip putin-vladimir ZA Johannesburg remote - -']);
  });
  it('does not date a visit by the day of a court order', () => {
    expect(
      events(
        'PRETORIA, June 15 (Reuters) - A South African court ordered the government on Sunday to arrest Sudanese President Omar al-Bashir, who is attending an African Union summit in Johannesburg.',
        '2015-06-15',
      ),
    ).toEqual([
      'call_to_arrest al-bashir-omar ZA - completed - -',
      'trip al-bashir-omar ZA Johannesburg under_way - -',
    ]);
  });
});

describe('headlines', () => {
  it('reads "to visit" as a plan', () => {
    expect(events('Putin to visit Turkey in April, Kremlin says', WED)).toEqual([
      'trip putin-vladimir TR - planned - -',
    ]);
  });
});

describe('quotes and hypotheticals', () => {
  it('dates a visit quoted beside a refusal to arrest', () => {
    expect(
      events(
        '"We will not arrest him," a Mongolian official said of Vladimir Putin, who is due in Ulaanbaatar on Tuesday.',
        '2024-08-30',
      ),
    ).toEqual(['trip putin-vladimir MN Ulaanbaatar planned 2024-09-03 -']);
  });
  it('reads a destination before the quoted speaker', () => {
    expect(events('Putin will visit Brazil, President Lula told reporters.', WED)).toEqual([
      'trip putin-vladimir BR - planned - -',
    ]);
  });
  it('reads a condition that names him', () => {
    expect(
      events('"If Putin comes to Brazil, he will not be arrested," Lula told an interviewer.', WED),
    ).toEqual(['trip putin-vladimir BR - none - -']);
  });
  it('reads "would be arrested if he set foot"', () => {
    expect(
      events('Putin would be arrested if he set foot in Germany, the German government has warned.', WED),
    ).toEqual(['trip putin-vladimir DE - none - -']);
  });
  it('reads a condition opened by "should"', () => {
    expect(
      events('Should Netanyahu land in Dublin, the Irish police would be obliged to detain him.', WED),
    ).toEqual(['trip netanyahu-benjamin IE Dublin none - -']);
  });
  it('reads a denial that a visit was ever planned', () => {
    expect(events('The Kremlin denied that Putin had ever planned to visit South Africa.', WED)).toEqual([
      'trip putin-vladimir ZA - none - -',
    ]);
  });
});

describe('passive voice', () => {
  it('reads his surname with its lower-case particle', () => {
    expect(
      events("Sudan's al-Bashir was received in Cairo on Saturday by President Sisi.", '2017-03-29'),
    ).toEqual(['trip al-bashir-omar EG Cairo completed 2017-03-25 -']);
  });
  it('reads a welcome in the passive', () => {
    expect(
      events(
        'Sudanese President Omar al-Bashir was welcomed in Amman on Wednesday by King Abdullah ahead of the Arab League summit.',
        '2017-03-29',
      ),
    ).toEqual(['trip al-bashir-omar JO Amman under_way 2017-03-29 -']);
  });
  it('reads a reception still ahead', () => {
    expect(
      events('Vladimir Putin is expected to be received by Kim Jong Un in Pyongyang later this month.', WED),
    ).toEqual(['trip putin-vladimir KP Pyongyang planned - -']);
  });
});

describe('relative days', () => {
  it('reads "tomorrow"', () => {
    expect(events('Netanyahu will fly to Washington tomorrow to meet the president.', WED)).toEqual([
      'trip netanyahu-benjamin US Washington planned 2026-03-05 -',
    ]);
  });
  it('reads "on the 12th" in the month of publication', () => {
    expect(events('Putin is due in Ankara on the 12th for talks with Erdogan.', WED)).toEqual([
      'trip putin-vladimir TR Ankara planned 2026-03-12 -',
    ]);
  });
  it('ends a visit when he has gone home', () => {
    expect(
      events('Netanyahu met Hungarian officials in Budapest last week and has since returned home.', WED),
    ).toEqual(['trip netanyahu-benjamin HU Budapest completed - -']);
  });
});

describe('lists and tours', () => {
  it('plans every country of a list', () => {
    expect(events('Putin will tour Kazakhstan, Kyrgyzstan and Uzbekistan later this month.', WED)).toEqual([
      'trip putin-vladimir KG - planned - -',
      'trip putin-vladimir KZ - planned - -',
      'trip putin-vladimir UZ - planned - -',
    ]);
  });
  it('reads a list of past visits and the warrant before them', () => {
    expect(
      events(
        'Since the ICC issued its warrant in November 2024, Netanyahu has visited the United States, Hungary and Argentina.',
        WED,
      ),
    ).toEqual([
      'trip netanyahu-benjamin AR - completed - -',
      'trip netanyahu-benjamin HU - completed - -',
      'trip netanyahu-benjamin US - completed - -',
      'warrant_issued netanyahu-benjamin - - completed - -',
    ]);
  });
  it('gives each leg of a tour its own status', () => {
    expect(
      events(
        'Putin arrived in Hanoi on Wednesday after two days in North Korea and will go on to Laos.',
        WED,
      ),
    ).toEqual([
      'trip putin-vladimir KP - completed - -',
      'trip putin-vladimir LA - planned - -',
      'trip putin-vladimir VN Hanoi under_way 2026-03-04 -',
    ]);
  });
  it('reads a leg left behind', () => {
    expect(
      events('After Hungary, Netanyahu flew on to Washington, where he met the president on Monday.', WED),
    ).toEqual([
      'trip netanyahu-benjamin HU - completed - -',
      'trip netanyahu-benjamin US Washington under_way 2026-03-02 -',
    ]);
  });
  it('dates each leg by its own weekday', () => {
    expect(
      events(
        "Putin's tour will take him to Saudi Arabia on Tuesday and to the United Arab Emirates on Wednesday.",
        '2026-03-05',
      ),
    ).toEqual([
      'trip putin-vladimir AE - planned 2026-03-11 -',
      'trip putin-vladimir SA - planned 2026-03-10 -',
    ]);
  });
  it('reads airspace as no destination, the end of the flight as one', () => {
    expect(
      events("Netanyahu's plane avoided the airspace of Spain and France on its way to Washington.", WED),
    ).toEqual([
      'trip netanyahu-benjamin ES - none - -',
      'trip netanyahu-benjamin FR - none - -',
      'trip netanyahu-benjamin US Washington under_way - -',
    ]);
  });
});

describe('cancellations and video', () => {
  it('reads a postponement without a new date', () => {
    expect(events('Netanyahu postponed his visit to Germany indefinitely.', WED)).toEqual([
      'trip netanyahu-benjamin DE - cancelled - -',
    ]);
  });
  it('cancels for a trip a warning of arrest prompted', () => {
    expect(
      events(
        'Former defence minister Yoav Gallant cancelled a trip to London after lawyers warned he could be arrested.',
        WED,
      ),
    ).toEqual(['trip gallant-yoav GB London cancelled - -']);
  });
});

describe('others travel', () => {
  // Known gap: the arrival is Lavrov's and is now dropped (no false "under way"), but the visit
  // "by Vladimir Putin next month" to the same country is not read as his plan: the place belongs
  // to the minister's verb, and no rule lends it to the later travel noun.
  it.fails('reads the visit his minister prepares as his plan', () => {
    expect(
      events(
        'Sergei Lavrov arrived in Mongolia on Monday to prepare a visit by Vladimir Putin next month.',
        WED,
      ),
    ).toEqual(['trip putin-vladimir MN - planned - -']);
  });
  it('does not take the arrival of his minister for his', () => {
    expect(
      events(
        'Sergei Lavrov arrived in Mongolia on Monday to prepare a visit by Vladimir Putin next month.',
        WED,
      ),
    ).not.toContain('trip putin-vladimir MN - under_way 2026-03-02 -');
  });
  it('gives no trip to him when a host welcomes others', () => {
    expect(
      events('South Africa welcomed the BRICS leaders, but Putin will skip the summit.', WED),
    ).not.toContain('trip putin-vladimir ZA - under_way - -');
    expect(events('Mongolia welcomed Putin with an honour guard in Ulaanbaatar on Tuesday.', WED)).toEqual([
      'trip putin-vladimir MN Ulaanbaatar under_way 2026-03-03 -',
    ]);
  });
  it('gives no trip to him when his wife, ally or spokesman travels', () => {
    expect(events("Netanyahu's wife Sara visited Paris last week.", WED)).toEqual([]);
    expect(events('A Putin ally, Alexander Lukashenko, travelled to China on Monday.', WED)).toEqual([]);
    expect(events('Putin and his wife visited Paris on Monday.', WED)).toEqual([
      'trip putin-vladimir FR Paris completed 2026-03-02 -',
    ]);
  });
  it('gives no warrant to a man whose aide it names', () => {
    expect(events("The judges issued a new warrant for Duterte's former police chief.", WED)).toEqual([]);
    expect(events("The ICC issued a warrant for Putin's arrest in March 2023.", WED)).toEqual([
      'warrant_issued putin-vladimir - - completed - -',
    ]);
  });
  it('reads his host welcoming him, now or to come', () => {
    expect(events('Modi will welcome Putin in New Delhi on Thursday.', WED)).toEqual([
      'trip putin-vladimir IN New Delhi planned 2026-03-05 -',
    ]);
    expect(events('Xi Jinping welcomes Putin in Beijing for talks.', WED)).toEqual([
      'trip putin-vladimir CN Beijing under_way - -',
    ]);
  });
  it('still reads a title in a headline written in title case', () => {
    expect(events('Russian President Arrives In Mongolia For Talks', '2024-09-03')).toEqual([
      'trip putin-vladimir MN - under_way - -',
    ]);
  });
  it('is not his trip when his spokesman flies', () => {
    expect(
      events('Kremlin spokesman Dmitry Peskov flew to Minsk on Monday with a message from Putin.', WED),
    ).toEqual([]);
  });
  it('is not his trip when a minister of his lobbies abroad', () => {
    expect(
      events(
        'Israeli Foreign Minister Gideon Saar visited Berlin on Tuesday to lobby against the warrant for Netanyahu.',
        WED,
      ),
    ).toEqual([]);
  });
  it('cancels his trip when a minister leads the delegation instead', () => {
    expect(
      events(
        'Putin will not travel to the summit in Brazil; Foreign Minister Sergei Lavrov will lead the delegation instead.',
        WED,
      ),
    ).toEqual(['trip putin-vladimir BR - cancelled - -']);
  });
});

describe('namesakes', () => {
  it('is not his trip when his son travels, but is under a spelling of his own first name', () => {
    expect(events("The prime minister's son Yair Netanyahu flew to New York on Sunday.", WED)).toEqual([]);
    expect(events('Il premier Beniamino Netanyahu è arrivato lunedì a Budapest.', WED)).toEqual([
      'trip netanyahu-benjamin HU Budapest under_way 2026-03-02 -',
    ]);
  });
  it('is not his trip when his daughter visits him', () => {
    expect(
      events(
        'Vice-President Sara Duterte flew to The Hague on Friday to visit her father in detention.',
        WED,
      ),
    ).toEqual([]);
  });
});

describe('the Court itself', () => {
  it('gives the warrant, not a trip to the seat of the Court', () => {
    expect(
      events(
        'The International Criminal Court, which sits in The Hague, issued an arrest warrant for Vladimir Putin in March 2023.',
        WED,
      ),
    ).toEqual(['warrant_issued putin-vladimir - - completed - -']);
  });
  it('gives no trip for a hearing about him', () => {
    expect(
      events(
        "Judges of the ICC will meet in The Hague next week to hear Israel's challenge to the warrant for Netanyahu.",
        WED,
      ),
    ).toEqual([]);
  });
  it('links him to the seat of the Court only as the place of a transfer', () => {
    // A transfer after arrest is a trip (corpus rule), so a hypothetical one is a `none` link.
    expect(
      events('Joseph Kony would be flown to The Hague if he were captured, the Ugandan army said.', WED),
    ).toEqual(['trip kony-joseph NL The Hague none - -']);
  });
});

describe('other events', () => {
  it('reads an arrest with its day', () => {
    expect(
      events(
        'Rodrigo Duterte was arrested in Manila on Tuesday on a warrant from the International Criminal Court.',
        '2025-03-13',
      ),
    ).toEqual(['arrest duterte-rodrigo PH Manila completed 2025-03-11 -']);
  });
  it('reads a protest against a visit that begins', () => {
    expect(
      events(
        'Hundreds of protesters gathered in Budapest on Thursday as Netanyahu began a four-day visit to Hungary.',
        '2025-04-03',
      ),
    ).toEqual([
      'protest netanyahu-benjamin HU Budapest completed - -',
      'trip netanyahu-benjamin HU Budapest under_way 2025-04-03 2025-04-06',
    ]);
  });
  it('reads a call on the host and the visit it is about', () => {
    expect(
      events(
        'Amnesty International urged Mongolia to arrest Vladimir Putin ahead of his visit on Tuesday.',
        '2024-08-30',
      ),
    ).toEqual([
      'call_to_arrest putin-vladimir MN - completed - -',
      'trip putin-vladimir MN - planned 2024-09-03 -',
    ]);
  });
});

describe('known gaps', () => {
  it('keeps the destination of a clause that also names the caller', () => {
    expect(events('Putin arrived in Mongolia on Monday while Ukraine demanded his arrest.', WED)).toEqual([
      'call_to_arrest putin-vladimir MN - completed - -',
      'trip putin-vladimir MN - under_way 2026-03-02 -',
    ]);
  });
  it('does not read a welcome of his visit as his arrival', () => {
    expect(
      events(
        "Hungary's prime minister on Tuesday welcomed Netanyahu's planned visit to Washington next week.",
        WED,
      ),
    ).toEqual(['trip netanyahu-benjamin US Washington planned - -']);
  });
  it('does not read Yamal as Yemen', () => {
    expect(events('Putin discussed gas projects on a visit to the Yamal peninsula on Tuesday.', WED)).toEqual(
      [],
    );
  });
});

describe('French', () => {
  it('reads a plan with its day', () => {
    expect(events('Vladimir Poutine se rendra en Turquie le 15 mars, a annoncé le Kremlin.', WED)).toEqual([
      'trip putin-vladimir TR - planned 2026-03-15 -',
    ]);
  });
  it('reads an arrival and the length of the stay', () => {
    expect(
      events(
        'Benjamin Netanyahou est arrivé mercredi soir à Budapest pour une visite de quatre jours.',
        '2025-04-03',
      ),
    ).toEqual(['trip netanyahu-benjamin HU Budapest under_way 2025-04-02 2025-04-05']);
  });
  it('reads a departure as the end of a visit', () => {
    expect(
      events("Omar el-Béchir a quitté l'Afrique du Sud malgré une décision de justice.", '2015-06-16'),
    ).toEqual(['trip al-bashir-omar ZA - completed - -']);
  });
  it('reads a hypothetical', () => {
    expect(events("S'il se rendait en France, Poutine serait arrêté, a rappelé le ministre.", WED)).toEqual([
      'trip putin-vladimir FR - none - -',
    ]);
  });
  it('reads a warrant issued on a day', () => {
    expect(
      events("La CPI a émis un mandat d'arrêt contre Benjamin Netanyahou le 21 novembre 2024.", WED),
    ).toEqual(['warrant_issued netanyahu-benjamin - - completed 2024-11-21 -']);
  });
});

describe('Spanish', () => {
  it('reads an arrival with its weekday', () => {
    expect(events('Netanyahu llegó el lunes a Buenos Aires en su primera visita a Argentina.', WED)).toEqual([
      'trip netanyahu-benjamin AR Buenos Aires under_way 2026-03-02 -',
    ]);
  });
  it('reads video attendance', () => {
    expect(
      events('Putin no asistirá a la cumbre del G20 en Brasil y participará por videoconferencia.', WED),
    ).toEqual(['trip putin-vladimir BR - remote - -']);
  });
  it('reads a hypothetical', () => {
    expect(events('Si Netanyahu viaja a España, será detenido, advirtió el Gobierno.', WED)).toEqual([
      'trip netanyahu-benjamin ES - none - -',
    ]);
  });
});

describe('German', () => {
  it('reads a cancellation', () => {
    expect(events('Putin hat seine Reise nach Südafrika abgesagt.', WED)).toEqual([
      'trip putin-vladimir ZA - cancelled - -',
    ]);
  });
  it('reads a past visit with its weekday', () => {
    expect(events('Wladimir Putin besuchte am Montag die Mongolei.', WED)).toEqual([
      'trip putin-vladimir MN - completed 2026-03-02 -',
    ]);
  });
  it('reads a hypothetical', () => {
    expect(events('Deutschland müsste Netanjahu festnehmen, falls er einreist.', WED)).toEqual([
      'trip netanyahu-benjamin DE - none - -',
    ]);
  });
});

describe('Russian', () => {
  it('reads an arrival', () => {
    expect(events('Владимир Путин прибыл в Улан-Батор с официальным визитом.', '2024-09-03')).toEqual([
      'trip putin-vladimir MN Ulaanbaatar under_way - -',
    ]);
  });
  it('reads a plan', () => {
    expect(events('Путин посетит Индию в декабре.', WED)).toEqual(['trip putin-vladimir IN - planned - -']);
  });
  it('reads a cancellation', () => {
    expect(
      events('Путин не поедет на саммит БРИКС в Южную Африку, сообщили в Кремле.', '2023-07-20'),
    ).toEqual(['trip putin-vladimir ZA - cancelled - -']);
  });
  it('reads a denial', () => {
    expect(events('Песков опроверг сообщения о том, что Путин планирует посетить Турцию.', WED)).toEqual([
      'trip putin-vladimir TR - none - -',
    ]);
  });
});

describe('Arabic', () => {
  it('reads an arrival', () => {
    expect(
      events('وصل الرئيس السوداني عمر البشير إلى الأردن للمشاركة في القمة العربية.', '2017-03-29'),
    ).toEqual(['trip al-bashir-omar JO - under_way - -']);
  });
  it('reads a cancellation', () => {
    expect(events('ألغى الرئيس السوداني عمر البشير زيارته إلى إندونيسيا.', '2016-03-06')).toEqual([
      'trip al-bashir-omar ID - cancelled - -',
    ]);
  });
  it('reads a plan', () => {
    expect(events('سيزور نتنياهو واشنطن الأسبوع المقبل.', WED)).toEqual([
      'trip netanyahu-benjamin US Washington planned - -',
    ]);
  });
  it('reads a warrant issued', () => {
    expect(events('أصدرت المحكمة الجنائية الدولية مذكرة اعتقال بحق بوتين في مارس 2023.', WED)).toEqual([
      'warrant_issued putin-vladimir - - completed - -',
    ]);
  });
});
