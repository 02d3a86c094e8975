import type {
  ApiPack,
  AudioOption,
  Confidence,
  LengthBound,
  Mode,
  Plan,
  PlanId,
  PriceBook,
  Provider,
  Rate,
  RateTable,
  ResellerRates,
  Sourced,
  TopUpPack,
  VideoModel,
} from './types';

/**
 * The default price book: every figure of shared/spec/pricing-facts.md, with its source.
 * A price change is a change to this file (and to the tests that pin its figures), never to logic;
 * a new model is a new entry of `models` here, or rows of the user's price table.
 */

const GUIDE_NAME = 'Kling AI Pricing 2026 guide';
const LLMS = 'kling.ai/llms.txt';
const PLAN_PAGE = 'kling.ai/app/membership/membership-plan';
const GUIDE_3 = 'kling.ai/quickstart/klingai-video-3-model-user-guide and kling.ai/blog/kling-video-3-0-credit-cost-guide';
const API_PAGES = 'kling.ai/dev/pricing (2026-09-22) and kling.ai/document-api/pricing/base/video (2026-10-04)';
/** A dated copy of kling.ai/llms.txt whose API part says "verified 2026-05-29", read 2026-12-06. */
const LLMS_COPY = 'a dated copy of kling.ai/llms.txt (API part "verified 2026-05-29"), read 2026-12-06';
/** The day the reseller pages (and the llms.txt copy) were read: the As of of undated pages. */
const READ_ON = '2026-12-06';

function sourced(source: string, asOf: string, confidence: Confidence): Sourced {
  return { source, asOf, confidence };
}

/**
 * The book, built on first use (defaultPriceBook): Apps Script loads Code.js for every execution,
 * and a call that reads an edited price table, or a menu item, never needs the default book.
 */
function buildDefaultPriceBook(): PriceBook {
  const PLANS_SOURCE = sourced(
    `${LLMS} (2026-08-12) and ${PLAN_PAGE} (2026-09-30, 2026-10-05, unchanged); the guide agrees`,
    '2026-10-05',
    'official',
  );
  const PACKS_SOURCE = sourced(
    `${LLMS} (credit top-up packs, one-time, valid 2 years: kling.ai/docs/point-policy); bonus not re-verified since`,
    '2026-08-12',
    'official',
  );
  const GUIDE_26 = sourced(`${GUIDE_NAME} (Kling 2.6 settings); no official 2.6 app-credit table found`, '2026-08-12', 'guide');
  const OFFICIAL_3 = sourced(
    `${GUIDE_3}; an account was charged 40 credits for 5 s 1080p silent, 60 with audio (2026-10-05)`,
    '2026-10-05',
    'official',
  );
  const OFFICIAL_API = sourced(API_PAGES, '2026-10-04', 'official');

  /** A paid plan: credits per month, then cents for the first month, each renewal, the list price and a year. */
  function paidPlan(
    id: PlanId,
    name: string,
    monthlyCredits: number,
    first: number,
    renewal: number,
    list: number,
    yearly: number,
    note = '',
  ): Plan {
    const source = note ? { ...PLANS_SOURCE, source: `${PLANS_SOURCE.source}; ${note}` } : PLANS_SOURCE;
    return {
      id,
      name,
      monthlyCredits,
      dailyCredits: null,
      firstMonthCents: first,
      renewalCents: renewal,
      listCents: list,
      yearlyCents: yearly,
      ...source,
    };
  }

  /** A top-up pack: cents, credits, bonus credits. */
  function pack(priceCents: number, credits: number, bonus: number): TopUpPack {
    return { priceCents, credits, bonus, ...PACKS_SOURCE };
  }

  function rate(mode: Mode, audio: AudioOption, secs: number | null, value: number, from: Sourced): Rate {
    return { mode, audio, secs, value, ...from };
  }

  function length(seconds: number, from: Sourced): LengthBound {
    return { seconds, ...from };
  }

  function perClip(rates: Rate[]): RateTable {
    return { per: 'clip', rates, shortest: null, longest: null };
  }

  function perSecond(rates: Rate[], shortest: number, longest: number, from: Sourced): RateTable {
    return { per: 'second', rates, shortest: length(shortest, from), longest: length(longest, from) };
  }

  function note(from: Sourced, text: string, confidence: Confidence = from.confidence): Sourced {
    return { ...from, source: `${from.source}; ${text}`, confidence };
  }

  const KLING_26: VideoModel = {
    name: 'Kling 2.6',
    app: perClip([
      // mode, audio, seconds, credits per clip
      rate('standard', 'silent', 5, 10, GUIDE_26),
      rate('standard', 'silent', 10, 20, GUIDE_26),
      rate('professional', 'silent', 5, 35, GUIDE_26),
      rate('professional', 'silent', 10, 70, GUIDE_26),
      rate(
        'standard',
        'audio',
        5,
        50,
        note(GUIDE_26, 'the API offers 2.6 audio only at 1080p; whether the app still offers standard with audio is not confirmed'),
      ),
      rate(
        'standard',
        'audio',
        10,
        100,
        note(GUIDE_26, 'the API offers 2.6 audio only at 1080p; whether the app still offers standard with audio is not confirmed'),
      ),
      rate('professional', 'audio', 5, 100, note(GUIDE_26, 'the guide says "~100"')),
      rate('professional', 'audio', 10, 200, note(GUIDE_26, 'the guide says "~200"')),
    ]),
    api: perClip([
      // mode, audio, seconds, ticks (USD x 10,000) per clip
      rate('standard', 'silent', 5, 2100, note(OFFICIAL_API, 'kling-v2-6')),
      rate('standard', 'silent', 10, 4200, note(OFFICIAL_API, 'kling-v2-6')),
      rate('professional', 'silent', 5, 3500, note(OFFICIAL_API, 'kling-v2-6')),
      rate('professional', 'silent', 10, 7000, note(OFFICIAL_API, 'kling-v2-6')),
      rate(
        'professional',
        'audio',
        5,
        7000,
        note(OFFICIAL_API, 'kling-v2-6 pro with audio, without voice control; no std-with-audio option'),
      ),
      rate(
        'professional',
        'audio',
        10,
        14000,
        note(OFFICIAL_API, 'kling-v2-6 pro with audio, without voice control; no std-with-audio option'),
      ),
      rate('professional', 'voice', 5, 8400, note(OFFICIAL_API, 'kling-v2-6 pro with audio and voice control')),
      rate('professional', 'voice', 10, 16800, note(OFFICIAL_API, 'kling-v2-6 pro with audio and voice control')),
    ]),
    // No reseller price for Kling 2.6 was verified.
    resellers: [],
  };

  /** The resellers of the book, in its order (fal, Replicate, PiAPI): pay as you go, no minimum found, credit that does not expire. */
  const PROVIDERS: readonly Provider[] = ['fal', 'Replicate', 'PiAPI'].map((name) => ({
    name,
    minimumCents: 0,
    minimum: null,
    validityDays: null,
    validity: null,
  }));

  const FAL_30 = sourced("fal's model pages (kling-video v3): Kling's own kling-v3 prices, pay as you go", READ_ON, 'third-party');
  const REPLICATE_30 = sourced(
    "an aggregator's copy of Replicate's page for kwaivgi/kling-v3-video: 1080p only, no standard or 4K price found",
    '2026-03-13',
    'third-party',
  );
  const FAL_40 = sourced(
    "fal's Kling API guide (page dated 2026 only): 720p $0.157, 1080p $0.235 a second, audio always on, 3 to 30 s; Siray and muapi agree; not Kling's own API price",
    READ_ON,
    'third-party',
  );
  const PIAPI_40 = sourced(
    'piapi.ai Kling 4 page (undated): 720p $0.1667, 1080p $0.25 a second, audio on, 3 to 30 s',
    READ_ON,
    'third-party',
  );
  const PIAPI_40_FLASH = sourced(
    'piapi.ai Kling 4 page (undated): Kling 4.0 Flash, 720p only, $0.10 a second, audio on, 3 to 20 s',
    READ_ON,
    'third-party',
  );

  /** A reseller's per-second prices of a model: [mode, audio, ticks a second], from `shortest` to `longest` seconds. */
  function reseller(
    provider: string,
    from: Sourced,
    prices: readonly (readonly [Mode, AudioOption, number])[],
    shortest: number,
    longest: number,
  ): ResellerRates {
    return {
      provider,
      table: perSecond(
        prices.map(([mode, audio, ticks]) => rate(mode, audio, null, ticks, from)),
        shortest,
        longest,
        from,
      ),
    };
  }

  const KLING_30_APP_LENGTHS = note(OFFICIAL_3, 'Kling 3.0 makes whole seconds from 3 to 15');
  const KLING_30_API = note(OFFICIAL_API, 'kling-v3, per second');

  const KLING_30: VideoModel = {
    name: 'Kling 3.0',
    app: perSecond(
      [
        // mode, audio, credits per second (voice control rows hold the full price)
        rate('standard', 'silent', null, 6, OFFICIAL_3),
        rate('standard', 'audio', null, 9, OFFICIAL_3),
        rate('standard', 'voice', null, 11, note(OFFICIAL_3, 'native audio 9 + voice control 2')),
        rate('professional', 'silent', null, 8, OFFICIAL_3),
        rate('professional', 'audio', null, 12, OFFICIAL_3),
        rate('professional', 'voice', null, 14, note(OFFICIAL_3, 'native audio 12 + voice control 2')),
        rate('4k', 'silent', null, 30, OFFICIAL_3),
        rate(
          '4k',
          'audio',
          null,
          30,
          note(OFFICIAL_3, 'estimate: inferred from the API, which charges 4K the same with or without audio', 'estimate'),
        ),
      ],
      3,
      15,
      KLING_30_APP_LENGTHS,
    ),
    api: perSecond(
      [
        rate('standard', 'silent', null, 840, KLING_30_API),
        rate(
          'standard',
          'audio',
          null,
          1260,
          note(
            KLING_30_API,
            'two readings of Kling pages (2026-07-13, 2026-09-22) give 0.9 units; a third-party calculator lists $0.112, which is 3.0 Omni',
          ),
        ),
        rate('professional', 'silent', null, 1120, KLING_30_API),
        rate(
          'professional',
          'audio',
          null,
          1680,
          note(
            KLING_30_API,
            'two readings of Kling pages (2026-07-13, 2026-09-22) give 1.2 units; a third-party calculator lists $0.14, which is 3.0 Omni',
          ),
        ),
        rate('4k', 'silent', null, 4200, KLING_30_API),
        rate('4k', 'audio', null, 4200, note(KLING_30_API, '4K costs the same with or without audio')),
      ],
      3,
      15,
      note(OFFICIAL_API, 'kling-v3 lengths as the app: 3 to 15 s'),
    ),
    resellers: [
      // fal sells every kling-v3 row at Kling's own prices.
      reseller(
        'fal',
        FAL_30,
        [
          ['standard', 'silent', 840],
          ['standard', 'audio', 1260],
          ['professional', 'silent', 1120],
          ['professional', 'audio', 1680],
          ['4k', 'silent', 4200],
          ['4k', 'audio', 4200],
        ],
        3,
        15,
      ),
      // Replicate prices kwaivgi/kling-v3-video in 1080p only (no standard or 4K price found).
      reseller(
        'Replicate',
        REPLICATE_30,
        [
          ['professional', 'silent', 1680],
          ['professional', 'audio', 2520],
        ],
        3,
        15,
      ),
    ],
  };

  const TURBO_30 = note(OFFICIAL_API, 'kling-v3-turbo, per second, audio included (the same price with or without audio)');
  const TURBO_30_LENGTHS = note(OFFICIAL_API, 'lengths not published for kling-v3-turbo: assumed as Kling 3.0, 3 to 15 s', 'estimate');
  const OMNI_30 = note(OFFICIAL_API, 'kling-v3-omni, per second');
  const OMNI_30_LENGTHS = note(OFFICIAL_API, 'lengths not published for kling-v3-omni: assumed as Kling 3.0, 3 to 15 s', 'estimate');
  const TURBO_25 = note(OFFICIAL_API, 'kling-v2-5-turbo: std $0.042, pro $0.07 per second, 5 or 10 s');
  const O1 = sourced(
    `${LLMS_COPY}: kling-video-o1, std $0.084, pro $0.112 a second, 5 or 10 s, without a video as input`,
    READ_ON,
    'official',
  );

  /** Models Kling prices only on its API: no published app credits. */
  const API_ONLY: readonly VideoModel[] = [
    {
      name: 'Kling 3.0 Turbo',
      app: null,
      api: perSecond(
        [
          rate('standard', 'silent', null, 1120, TURBO_30),
          rate('standard', 'audio', null, 1120, TURBO_30),
          rate('professional', 'silent', null, 1400, TURBO_30),
          rate('professional', 'audio', null, 1400, TURBO_30),
        ],
        3,
        15,
        TURBO_30_LENGTHS,
      ),
      resellers: [],
    },
    {
      name: 'Kling 3.0 Omni',
      app: null,
      api: perSecond(
        [
          rate('standard', 'silent', null, 840, note(OMNI_30, 'silent as kling-v3')),
          rate('standard', 'audio', null, 1120, OMNI_30),
          rate('professional', 'silent', null, 1120, note(OMNI_30, 'silent as kling-v3')),
          rate('professional', 'audio', null, 1400, OMNI_30),
          rate('4k', 'silent', null, 4200, note(OMNI_30, 'silent as kling-v3')),
          rate('4k', 'audio', null, 4200, sourced(`${LLMS_COPY}: kling-v3-omni 4K with audio $0.42 a second`, READ_ON, 'official')),
        ],
        3,
        15,
        OMNI_30_LENGTHS,
      ),
      resellers: [],
    },
    {
      name: 'Kling 2.5 Turbo',
      app: null,
      // Priced per second, but only 5 or 10 s clips: written per clip.
      api: perClip([
        rate('standard', 'silent', 5, 2100, TURBO_25),
        rate('standard', 'silent', 10, 4200, TURBO_25),
        rate('professional', 'silent', 5, 3500, TURBO_25),
        rate('professional', 'silent', 10, 7000, TURBO_25),
      ]),
      resellers: [],
    },
    {
      name: 'Kling O1',
      app: null,
      // kling-video-o1 is priced per second (std $0.084, pro $0.112) but makes 5 or 10 s only: written per clip,
      // without a video as input ($0.126 / $0.168 a second with one, not modelled).
      api: perClip([
        rate('standard', 'silent', 5, 4200, O1),
        rate('standard', 'silent', 10, 8400, O1),
        rate('professional', 'silent', 5, 5600, O1),
        rate('professional', 'silent', 10, 11200, O1),
      ]),
      resellers: [],
    },
  ];

  /**
   * Models only resellers sell: Kling publishes neither app credits nor an API price for Kling 4.0
   * (launched 2026-10-15) or 4.0 Flash. Audio is always on: only rows "with audio" are priced, so
   * audio FALSE gets the model's message that it offers clips with audio only.
   */
  const RESELLER_ONLY: readonly VideoModel[] = [
    {
      name: 'Kling 4.0',
      app: null,
      api: null,
      resellers: [
        reseller(
          'fal',
          FAL_40,
          [
            ['standard', 'audio', 1570],
            ['professional', 'audio', 2350],
          ],
          3,
          30,
        ),
        reseller(
          'PiAPI',
          PIAPI_40,
          [
            ['standard', 'audio', 1667],
            ['professional', 'audio', 2500],
          ],
          3,
          30,
        ),
      ],
    },
    {
      name: 'Kling 4.0 Flash',
      app: null,
      api: null,
      resellers: [reseller('PiAPI', PIAPI_40_FLASH, [['standard', 'audio', 1000]], 3, 20)],
    },
  ];

  const API_PACKS_SOURCE = sourced(
    `${API_PAGES}; a third-party copy dated 2026-10-08; prepaid, not refundable, unused units lost at expiry`,
    '2026-10-08',
    'official',
  );

  function apiPack(name: string, priceCents: number, units: number, validDays: number, trial: boolean, from: Sourced): ApiPack {
    return { name, priceCents, units, validDays, trial, ...from };
  }

  return {
    asOf: READ_ON,
    plans: [
      {
        id: 'free',
        name: 'Free',
        monthlyCredits: 66 * 30,
        dailyCredits: 66,
        firstMonthCents: 0,
        renewalCents: 0,
        listCents: 0,
        yearlyCents: 0,
        source: `${GUIDE_NAME} (66 credits a day, not carried over; Basic plan; no official page gives the amount); official (user policy 4.6, plan page): watermarked, no 1080p, no commercial use`,
        asOf: '2026-10-05',
        confidence: 'guide',
      },
      // id, name, credits per month; cents: first month, monthly renewal, list monthly, yearly
      paidPlan('standard', 'Standard', 660, 699, 880, 1000, 7920),
      paidPlan('pro', 'Pro', 3000, 2599, 3256, 3700, 29304),
      paidPlan('premier', 'Premier', 8000, 6499, 8096, 9200, 72864),
      paidPlan(
        'ultra',
        'Ultra',
        26000,
        12799,
        15999,
        18000,
        142999,
        'yearly price official in llms.txt; one third-party comparison says Ultra has no annual option',
      ),
    ],
    packs: [
      // cents, credits, bonus credits
      pack(500, 330, 0),
      pack(1000, 660, 0),
      pack(2000, 1320, 0),
      pack(5000, 3300, 200),
      pack(10000, 6600, 900),
      pack(20000, 13200, 2800),
      pack(60000, 39600, 8400),
      pack(120000, 79200, 16800),
    ],
    models: [KLING_26, KLING_30, ...API_ONLY, ...RESELLER_ONLY],
    images: {
      creditsPerImage: 0.2,
      source: `${GUIDE_NAME} ("3,300 images per 660 credits"); disputed: a third-party reading of a plan-page screenshot (undated) says "660 images / 33 720p videos" on Standard, about 1 credit per image`,
      asOf: '2026-08-12',
      confidence: 'guide',
    },
    apiImage: { ticks: 280, ...sourced(`${LLMS_COPY}: $0.028 an image (kling-v3, kling-image-o1; 0.2 units)`, READ_ON, 'official') },
    apiUnit: { ticks: 1400, ...sourced(`${API_PAGES} (1 unit = $0.14 at list price)`, '2026-10-04', 'official') },
    providers: PROVIDERS,
    apiPacks: [
      apiPack(
        'Trial pack 1',
        980,
        100,
        30,
        true,
        sourced(`${API_PAGES}; trial: one per account (older source), 30 days`, '2026-09-22', 'official'),
      ),
      apiPack(
        'Trial pack 2',
        9800,
        1000,
        30,
        true,
        sourced(`${API_PAGES}; trial: one per account (older source), 30 days`, '2026-09-22', 'official'),
      ),
      apiPack('Pack 1', 70000, 5000, 180, false, API_PACKS_SOURCE),
      apiPack(
        'Pack 2',
        210000,
        15000,
        180,
        false,
        sourced(
          'third-party copy of the API pricing page (2026-10-08): $0.14 a unit; an older 2025 list differs',
          '2026-10-08',
          'third-party',
        ),
      ),
      apiPack(
        'Pack 3',
        567000,
        45000,
        180,
        false,
        sourced(
          'third-party copy of the API pricing page (2026-10-08): $0.126 a unit; an older 2025 list gives $6,300 / 45,000 for 90 days',
          '2026-10-08',
          'third-party',
        ),
      ),
      apiPack(
        'Pack 4',
        756000,
        60000,
        180,
        false,
        sourced('third-party copy of the API pricing page (2026-10-08): $0.126 a unit', '2026-10-08', 'third-party'),
      ),
    ],
  };
}

let built: PriceBook | undefined;

/** The default price book (the same object every time). */
export function defaultPriceBook(): PriceBook {
  if (built === undefined) built = buildDefaultPriceBook();
  return built;
}

/** The default price book, for code that reads it as a value (tests); the bundle asks defaultPriceBook(). */
export const DEFAULT_PRICE_BOOK: PriceBook = /* @__PURE__ */ defaultPriceBook();
