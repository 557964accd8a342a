import { l } from '../common/copy';
import type { Localized } from '../common/locale';
import type { ADULT_CONDITIONS, BLOCK_REASONS, IBAN_PROBLEMS, MissingItem } from './schema';

export const REASON_BADGE: Record<(typeof BLOCK_REASONS)[number], Localized> = {
  'missing-information': l('Domanda da completare', 'Application to complete'),
  'missing-documents': l('Mancano documenti', 'Documents missing'),
  'iban-error': l('Pagamento bloccato', 'Payment on hold'),
};

/** Why the IBAN was refused, said to the applicant ("…: il conto indicato nella domanda risulta chiuso."). */
export const IBAN_PROBLEM_SAID: Record<(typeof IBAN_PROBLEMS)[number], Localized> = {
  'not-holder': l(
    'il conto indicato nella domanda non risulta intestato o cointestato a te',
    'the account given in the application is not in your name, alone or jointly',
  ),
  'account-closed': l('il conto indicato nella domanda risulta chiuso', 'the account given in the application has been closed'),
  'invalid-iban': l(
    "l'IBAN indicato nella domanda non è corretto e non corrisponde a nessun conto",
    'the IBAN given in the application is wrong and matches no account',
  ),
  'outside-sepa': l(
    "il conto indicato nella domanda è in un Paese fuori dall'area SEPA",
    'the account given in the application is in a country outside the SEPA area',
  ),
};

/** The same reason in a few words, on screen. */
export const IBAN_PROBLEM_SHORT: Record<(typeof IBAN_PROBLEMS)[number], Localized> = {
  'not-holder': l('Conto non intestato a te', 'Account not in your name'),
  'account-closed': l('Conto chiuso', 'Account closed'),
  'invalid-iban': l('IBAN non corretto', 'Wrong IBAN'),
  'outside-sepa': l('Conto fuori area SEPA', 'Account outside SEPA'),
};

/** What to check before saving the new IBAN, by reason. */
export const IBAN_PROBLEM_ADVICE: Record<(typeof IBAN_PROBLEMS)[number], Localized> = {
  'not-holder': l(
    'Va bene anche un conto cointestato, o una carta o un libretto con IBAN, purché intestati anche a te.',
    'A joint account, or a card or savings book with an IBAN, is fine too, as long as it is also in your name.',
  ),
  'account-closed': l('Indica un conto ancora aperto.', 'Give an account that is still open.'),
  'invalid-iban': l(
    'Controlla ogni carattere: un IBAN italiano ha 27 caratteri e inizia con IT.',
    'Check every character: an Italian IBAN has 27 characters and starts with IT.',
  ),
  'outside-sepa': l(
    "Il conto deve essere in un Paese dell'area SEPA, come l'Italia e gli altri Paesi dell'Unione europea.",
    'The account must be in a SEPA country, such as Italy and the other European Union countries.',
  ),
};

/** A child aged 18 to 20 counts because they… (neutral: the child's gender is not in the data, so English repeats the name). */
export const ADULT_CONDITION_SAID: Record<(typeof ADULT_CONDITIONS)[number], Localized> = {
  study: l('studia o segue un corso di formazione', 'is studying or in training'),
  unemployed: l("cerca lavoro tramite il Centro per l'Impiego", 'is looking for work through the Job Centre'),
  'civil-service': l('fa il servizio civile', 'is doing civil service'),
  'low-income-work': l("lavora con un reddito sotto gli 8.000 € l'anno", 'works and earns less than €8,000 a year'),
};

/** Every condition, for a child whose declaration is missing. */
export const ADULT_CONDITIONS_ALL = l(
  "studia o segue un corso, lavora con un reddito sotto gli 8.000 € l'anno, cerca lavoro tramite il Centro per l'Impiego o fa il servizio civile",
  'are studying or in training, work and earn less than €8,000 a year, are looking for work through the Job Centre, or are doing civil service',
);

/** A missing item on screen: a short title. */
export const ITEM_TITLE: Record<MissingItem, Localized> = {
  'adult-child-declaration': l('Dichiarazione figli 18–21 anni', 'Declaration, children 18–21'),
  'separated-parents-data': l("Dati dell'altro genitore", "The other parent's details"),
  'other-parent-data': l("Dati dell'altro genitore", "The other parent's details"),
  'disability-certificate': l('Certificato di disabilità', 'Disability certificate'),
  'residence-permit': l('Permesso di soggiorno', 'Residence permit'),
  'large-family-data': l('Dati famiglia numerosa', 'Large-family details'),
};
