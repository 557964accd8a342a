import { l } from '../common/copy';
import type { Localized } from '../common/locale';
import type { IncomeKind, LinkedBenefit } from './rules';

/** Each linked benefit with its article, for running text; `plural` for verb agreement. */
export const BENEFIT_LABEL: Record<LinkedBenefit, Localized & { plural?: true }> = {
  'minimum-supplement': l("l'integrazione al minimo della pensione", 'the top-up of your pension to the minimum'),
  'social-increase': { ...l('le maggiorazioni sociali', 'the social increases'), plural: true },
  'family-allowance': l("l'assegno per il nucleo familiare", 'the family allowance'),
  'survivors-pension': l('la pensione ai superstiti', "the survivor's pension"),
  fourteenth: l('la quattordicesima', 'the fourteenth payment (quattordicesima)'),
  'civil-invalidity': l("la pensione o l'assegno d'invalidità civile", 'the civil invalidity pension or allowance'),
  'social-allowance': l("l'assegno sociale", 'the social allowance'),
};

/** On screen, short. */
export const BENEFIT_TITLE: Record<LinkedBenefit, Localized> = {
  'minimum-supplement': l('Integrazione al minimo', 'Minimum top-up'),
  'social-increase': l('Maggiorazioni sociali', 'Social increases'),
  'family-allowance': l('Assegno nucleo familiare', 'Family allowance'),
  'survivors-pension': l('Pensione ai superstiti', "Survivor's pension"),
  fourteenth: l('Quattordicesima', 'Fourteenth payment'),
  'civil-invalidity': l('Invalidità civile', 'Civil invalidity'),
  'social-allowance': l('Assegno sociale', 'Social allowance'),
};

/** Each income to declare, in plain words, with its article. */
export const INCOME_SAID: Record<IncomeKind, Localized> = {
  'foreign-employment': l("i redditi da lavoro all'estero", 'income from work abroad'),
  'foreign-pension': l('le pensioni pagate da un altro Stato', 'pensions paid by another country'),
  'bank-postal-interest': l('gli interessi di conti e libretti bancari o postali', 'interest on bank and post office accounts and savings books'),
  'government-bonds': l('gli interessi dei titoli di Stato', 'interest on government bonds'),
  'investment-funds': l('i guadagni dei fondi di investimento, già tassati alla fonte', 'returns on investment funds, already taxed at source'),
  'self-employment': l('i redditi da lavoro autonomo', 'self-employment income'),
  'co-co-co': l('i compensi delle collaborazioni coordinate e continuative', 'pay from coordinated and continuous collaborations'),
  'occasional-work': l('i compensi del lavoro occasionale', 'pay for occasional work'),
  'main-home': l('la rendita catastale della casa in cui abiti', 'the cadastral income of the home you live in'),
  'spouse-income': l('i redditi del coniuge', "your spouse's or civil partner's income"),
};

/** On screen: a short title and a few words. */
export const INCOME_TITLE: Record<IncomeKind, { title: Localized; text: Localized }> = {
  'foreign-employment': { title: l("Lavoro all'estero", 'Work abroad'), text: l('Redditi da lavoro prodotti fuori Italia', 'Income earned outside Italy') },
  'foreign-pension': { title: l('Pensioni estere', 'Foreign pensions'), text: l('Pagate da un altro Stato', 'Paid by another country') },
  'bank-postal-interest': {
    title: l('Interessi bancari e postali', 'Bank and postal interest'),
    text: l('Di conti e libretti', 'On accounts and savings books'),
  },
  'government-bonds': { title: l('Titoli di Stato', 'Government bonds'), text: l('I loro interessi', 'Their interest') },
  'investment-funds': { title: l('Fondi di investimento', 'Investment funds'), text: l('Proventi tassati alla fonte', 'Returns taxed at source') },
  'self-employment': { title: l('Lavoro autonomo', 'Self-employment'), text: l('I redditi del lavoro autonomo', 'Income from self-employment') },
  'co-co-co': { title: l('Collaborazioni co.co.co.', 'Co.co.co. collaborations'), text: l('I compensi ricevuti', 'The pay received') },
  'occasional-work': { title: l('Lavoro occasionale', 'Occasional work'), text: l('I compensi ricevuti', 'The pay received') },
  'main-home': { title: l('Casa in cui abiti', 'Your home'), text: l('La rendita catastale', 'Its cadastral income') },
  'spouse-income': { title: l('Redditi del coniuge', "Spouse's income"), text: l('Marito, moglie o unione civile', 'Husband, wife or civil partner') },
};
