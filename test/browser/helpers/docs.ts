/**
 * Small German test content: typical state-website topics, built into an index in the browser
 * with the core's `buildIndex` (the same code the CLI runs).
 */
import type { SearchDocument } from '../../../src/core/index.js';

export const DOCS: SearchDocument[] = [
  {
    id: 'wohngeld',
    title: 'Wohngeld beantragen',
    url: '#wohngeld',
    summary: 'Zuschuss zur Miete oder zu den Kosten für selbst genutztes Wohneigentum.',
    body: 'Wohngeld ist ein Zuschuss zur Miete. Den Antrag auf Wohngeld stellen Sie bei der Wohngeldbehörde Ihrer Stadt oder Gemeinde. Wohngeld wird für zwölf Monate bewilligt.',
    keywords: ['Mietzuschuss', 'Lastenzuschuss'],
    category: 'Soziales',
    partners: ['Hessen', 'Bayern'],
    levels: ['Länder', 'Kommunen'],
    updated: '2026-11-28',
  },
  {
    id: 'wohnberechtigungsschein',
    title: 'Wohnberechtigungsschein',
    url: '#wbs',
    summary: 'Nachweis für den Bezug einer geförderten Sozialwohnung.',
    body: 'Mit dem Wohnberechtigungsschein können Sie eine öffentlich geförderte Wohnung mieten.',
    category: 'Wohnen',
    updated: '2026-10-01',
  },
  {
    id: 'personalausweis',
    title: 'Personalausweis beantragen',
    url: '#personalausweis',
    summary: 'Den Personalausweis beantragen Sie persönlich bei der Personalausweisbehörde.',
    body: 'Für den Personalausweis brauchen Sie ein biometrisches Passfoto. Der Personalausweis ist zehn Jahre gültig.',
    keywords: ['Ausweis', 'Perso'],
    category: 'Ausweise',
    levels: ['Kommunen'],
    updated: '2026-09-15',
  },
  {
    id: 'reisepass',
    title: 'Reisepass beantragen',
    url: '#reisepass',
    summary: 'Den Reisepass beantragen Sie bei der Passbehörde Ihres Wohnorts.',
    body: 'Ein Reisepass ist für Reisen in viele Länder nötig. Kinder brauchen einen eigenen Reisepass.',
    category: 'Ausweise',
    updated: '2026-08-01',
  },
  {
    id: 'kfz-zulassung',
    title: 'Fahrzeug zulassen',
    url: '#kfz',
    summary: 'Kraftfahrzeuge lassen Sie bei der Zulassungsbehörde zu.',
    body: 'Die Zulassung eines Fahrzeugs ist auch online möglich. Sie brauchen die Zulassungsbescheinigung und eine Versicherungsbestätigung.',
    keywords: ['Kfz', 'Auto anmelden', 'Zulassungsstelle'],
    category: 'Verkehr',
  },
  {
    id: 'elterngeld',
    title: 'Elterngeld',
    url: '#elterngeld',
    summary: 'Elterngeld unterstützt Familien nach der Geburt eines Kindes.',
    body: 'Elterngeld beantragen Sie bei der Elterngeldstelle. Das Elterngeld ersetzt einen Teil des Einkommens.',
    category: 'Familie',
  },
  {
    id: 'justiz',
    title: 'Justiz in Hessen',
    url: '#justiz',
    summary: 'Gerichte und Staatsanwaltschaften des Landes.',
    body: 'Die Justiz umfasst Gerichte und Staatsanwaltschaften. Die Justiz arbeitet zunehmend digital mit der elektronischen Akte.',
    category: 'Justiz',
  },
  {
    id: 'hundesteuer',
    title: 'Hundesteuer anmelden',
    url: '#hundesteuer',
    summary: 'Hunde müssen bei der Gemeinde angemeldet werden.',
    body: 'Die Hundesteuer ist eine Gemeindesteuer. Melden Sie Ihren Hund innerhalb von zwei Wochen an.',
    category: 'Steuern',
  },
];

/** Many documents sharing one word, for paging ("Weitere Ergebnisse"). */
export const MANY_DOCS: SearchDocument[] = Array.from({ length: 14 }, (_, i) => ({
  id: `antrag-${i + 1}`,
  title: `Antrag Nummer ${i + 1}`,
  url: `#antrag-${i + 1}`,
  summary: `Formular ${i + 1} für einen Antrag bei der Verwaltung.`,
  body: `Dieser Antrag ${i + 1} wird online gestellt.`,
}));
