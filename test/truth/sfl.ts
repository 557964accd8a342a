import type { Claim } from './claims';
import type { SflGuide } from '../../compositions/sfl/schema';
import { formatCents, formatEuroWhole } from '../../compositions/common/locale';
import { textsOf } from './texts';

/** What the sfl guide may say, and when it is true: DOMAIN.md §5, independently of compositions/sfl. */

const from2025 = (g: SflGuide) => g.benefit.edition >= 2025;
const narrationIt = (b: Parameters<NonNullable<Claim['holds']>>[1]) => textsOf(b, 'it').narration;
/** Formatted figures carry no-break spaces; the narration as heard has plain ones. */
const plain = (s: string) => s.replace(/\s+/g, ' ');

export const claims: Claim<SflGuide>[] = [
  // 2023–2024: €350, ISEE €6,000; from 2025: €500, ISEE €10,140; 12 months, +12 only with a course running on (from 2025).
  {
    why: 'the monthly amount is the edition’s',
    says: /Il Supporto vale [\d.,]+ € al mese/,
    holds: (g, b) =>
      g.benefit.monthlyAmountCents === (from2025(g) ? 50_000 : 35_000) &&
      narrationIt(b).includes(plain(`Il Supporto vale ${formatCents(g.benefit.monthlyAmountCents, 'it')} al mese`)),
    when: () => true,
  },
  {
    why: 'the ISEE limit is the edition’s',
    says: /ISEE fino a [\d.]+ €/,
    holds: (g, b) =>
      g.benefit.iseeThresholdCents === (from2025(g) ? 1_014_000 : 600_000) &&
      narrationIt(b).includes(plain(`ISEE fino a ${formatEuroWhole(g.benefit.iseeThresholdCents, 'it')}`)),
    when: () => true,
  },
  { why: 'at most 12 months', says: /per un massimo di 12 mesi/, holds: (g) => g.benefit.maxMonths === 12, when: () => true },
  {
    why: 'the extension only from 2025, only while a training course runs on, not automatic',
    says: /prolungare/,
    holds: (g, b) =>
      from2025(g) && /solo se stai seguendo un corso di formazione che continua oltre i primi 12 mesi; il prolungamento non è automatico/.test(narrationIt(b)),
    when: from2025,
  },
  { why: 'paid only while taking part', says: /pagato solo mentre partecipi alle attività/, when: () => true },
  { why: 'ages 18–59', says: /tra diciotto e cinquantanove anni/, when: () => true },
  {
    why: 'payment dates (INPS msg. 3379/2023)',
    says: /Se hai tutti i requisiti entro il 15 del mese, il pagamento arriva dal 27 dello stesso mese; se li hai dopo il 15, arriva il 15 del mese successivo\./,
    when: () => true,
  },
  { why: 'CAFs take applications from 2024', says: /\bCAF\b/, holds: (g) => g.benefit.edition >= 2024, when: (g) => g.benefit.edition >= 2024 },
  { why: 'confirm at least every 90 days', says: /almeno ogni novanta giorni/, when: () => true },
  { why: 'both contact-centre numbers', says: /803 164 da rete fissa, gratuito, oppure 06 164 164 da cellulare/, when: () => true },
  { why: 'English: both contact-centre numbers', locale: 'en', says: /803 164 from a landline, free of charge, or 06 164 164 from a mobile/, when: () => true },
  // A public guide: nobody's gender is known (issue #14: "Pronto a iniziare?").
  {
    why: 'neutral copy: no gendered adjective addressing the viewer',
    says: /\b(pront[oa]|benvenut[oa]|sicur[oa]|interessat[oa]|iscritt[oa]|disoccupat[oa])\b/i,
    holds: () => false,
  },
  { why: 'no promise of outcomes', says: /prima trovi|troverai|garantit/i, holds: () => false },
];
