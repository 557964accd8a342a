import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { generateEnvelopes } from '../compositions/generator/generate';
import { envelopeSchema } from '../compositions/guide-types';
import { parseWith } from '../compositions/common/validation';
import { CampaignCard } from '../player/console/campaign-card';
import { CampaignsView } from '../player/dashboard/campaigns';
import { call } from './helpers/api';
import { useTestApi } from './helpers/test-api-hooks';

const sample = () => [...generateEnvelopes('red', 1, 'names')][0] as Record<string, any>;
const nameErrors = (name: string) => {
  const e = sample();
  e.citizen.givenName = name;
  const r = parseWith(envelopeSchema, e);
  return r.ok ? [] : r.errors.filter((x) => x.field === 'citizen.givenName').map((x) => x.message);
};

// Issue #15, finding 12: names accepted directional marks, zero-width characters and look-alike
// mixes; campaign names accepted newlines, BEL and markup.
describe('personal names', () => {
  it.each([
    ["Dell'Acqua"],
    ['D’Angelo'],
    ['Maria Grazia'],
    ['Anna-Lisa'],
    ['Zoë'],
    ['Nicolò'],
    ['J. R.'],
    ['Ölçer'],
    ['Nguyễn'],
    ['Łukasz'],
    ['Søren'],
    ['ŞEYMA'],
    ['Иванова'],
    ['Παπαδόπουλος'],
    ['محمد'],
    ['山田'],
    ['김민준'],
    ['Kealoha ʻIlima'],
    ['O\u0301scar'],
    ['Maria Иванова'],
    // Persian needs the zero-width non-joiner between letters, Devanagari the joiner; name kanji their variation selector.
    ['مهر\u200cنوش'],
    ['क्\u200dष'],
    ['葛\u{E0100}城'],
    // Registries hold odd data; every output escapes it.
    ['<img src=x onerror=alert(1)>'],
  ])('accepts %j', (name) => {
    expect(nameErrors(name)).toEqual([]);
  });

  it.each([
    ['Rossi\u200f', /directional marks \(got U\+200F at position 5\)/],
    ['Ross\u061ci', /directional marks \(got U\+061C/],
    ['\u200eRossi', /directional marks/],
    ['Ro\u200bssi', /invisible characters .*U\+200B at position 2/],
    ['Ro\u200dssi', /invisible characters .*U\+200D/],
    ['Ro\u200cssi', /invisible characters .*U\+200C/],
    ['Ro\u2060ssi', /invisible characters/],
    ['Ro\u00adssi', /invisible characters .*U\+00AD/],
    ['\ufeffRossi', /invisible characters .*U\+FEFF/],
    ['Rossi\ufe0f', /invisible characters .*U\+FE0F/],
    ['Rossi\u{E0041}', /invisible characters/],
    ['م\u200cR', /invisible characters/],
    ['Pаolo', /must not mix Latin and Cyrillic letters in one word \(word 1\)/],
    ['Maria Rοssi', /must not mix Latin and Greek letters in one word \(word 2\)/],
    ['Ｒｏｓｓｉ', /plain letters, not styled look-alikes .*U\+FF32/],
    ['𝐑𝐨𝐬𝐬𝐢', /styled look-alikes .*U\+1D411/],
    ['ℝossi', /styled look-alikes/],
    ['Ross\u202ei', /control characters/],
    ['Ro\nssi', /control characters/],
  ])('refuses %j naming the character and its position', (name, message) => {
    const errors = nameErrors(name);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });
});

describe('campaign names (PGlite)', () => {
  const api = useTestApi({ backend: 'pglite', label: 'security_names' });

  it('refuses a personal name that displays as another at the API, with its field', async () => {
    const e = sample();
    e.citizen.familyName = 'Rоssi';
    const res = await call(api, 'POST', '/api/guides', { body: e });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({
      code: 'invalid_envelope',
      field: 'citizen.familyName',
      message: expect.stringContaining('Latin and Cyrillic'),
    });
  });

  it.each([
    ['RED\nmarzo', /control characters, line breaks .*U\+000A at position 3/],
    ['RED\r\nmarzo', /U\+000D/],
    ['RED\u0007', /U\+0007/],
    ['RED\tmarzo', /U\+0009/],
    ['RED\u2028marzo', /U\+2028/],
    ['RED \u202emarzo', /U\+202E/],
    ['RED\u200f', /directional marks/],
    ['RED\u200b2026', /invisible characters/],
    ['<b>RED</b>', /must not contain < or > \(got "<" at position 0\)/],
    ['RED <script>', /must not contain < or >/],
  ])('refuses the campaign name %j with 422 on field name', async (name, message) => {
    const res = await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name } });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.field).toBe('name');
    expect(error.message).toMatch(message);
  });

  it('accepts ordinary campaign names, quotes and ampersands included', async () => {
    for (const name of ['RED 2026 – Nord & Sud "bis"', "Campagna dell'anno", 'NASpI · marzo', 'Пенсии 2026']) {
      const res = await call(api, 'POST', '/api/campaigns', { body: { guideType: 'red', name } });
      expect(res.status, name).toBe(201);
      expect((await res.json()).name).toBe(name);
    }
  });

  it('renders a stored name as text in the console and the dashboard (names from before this rule)', () => {
    const name = '<img src=x onerror=alert(1)>\nRED';
    const console = renderToStaticMarkup(
      React.createElement(CampaignCard, {
        c: {
          campaignId: '00000000-0000-4000-8000-000000000000',
          name,
          guideType: 'red',
          campaignChannels: ['email'],
          createdAt: '2026-01-01T00:00:00Z',
          lastSentAt: null,
          channels: {},
        } as never,
      }),
    );
    const dashboard = renderToStaticMarkup(
      React.createElement(CampaignsView, {
        campaigns: [
          {
            id: 'c1',
            name,
            guideType: 'red',
            createdAt: '2026-01-01T00:00:00Z',
            printDate: null,
            configuredChannels: [],
            produced: 0,
            viewedRate: null,
            interactionRate: null,
            channels: [],
          },
        ] as never,
        onOpen: () => undefined,
      }),
    );
    for (const html of [console, dashboard]) {
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toContain('<img');
    }
  });
});
