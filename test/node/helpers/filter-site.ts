/**
 * A small site with every kind of filter value and with sections, for the filter, facet and
 * section tests of both index formats.
 */
import type { SearchDocument } from '../../../src/core/index.js';

const filler = (words: number) =>
  Array.from({ length: words }, (_, i) => `Absatz ${i} erläutert allgemeine Hinweise.`).join(' ');

type Section = { anchor: string; title: string; text: string };

/** Body and headings as the Markdown and HTML sources give them: the sections are in the body. */
function page(intro: string, sections: Section[]) {
  return {
    body: [intro, ...sections.flatMap((section) => [section.title, section.text])].join('\n'),
    headings: sections.map((section) => section.title),
    sections,
  };
}

export const FILTER_SITE: SearchDocument[] = [
  {
    id: 'wohngeld-antrag',
    title: 'Wohngeld beantragen',
    url: '/wohngeld/antrag',
    summary: 'Zuschuss zur Miete für Haushalte mit geringem Einkommen.',
    category: 'Leistung',
    type: 'Formular',
    levels: ['Land', 'Kommune'],
    filters: { zielgruppe: ['Bürger'] },
    // The sections lie beyond the stored body text (2000 characters).
    ...page(`Wohngeld ist ein Zuschuss zur Miete. ${filler(60)}`, [
      {
        anchor: 'voraussetzungen',
        title: 'Voraussetzungen',
        text: 'Wohngeld bekommt, wer zur Miete wohnt.',
      },
      {
        anchor: 'mietstufe',
        title: 'Mietstufe und Höchstbetrag',
        text: 'Die Mietstufe Ihrer Gemeinde bestimmt den Höchstbetrag.',
      },
      {
        anchor: 'antrag-stellen',
        title: 'Antrag stellen',
        text: 'Den Antrag auf Wohngeld stellen Sie bei der Wohngeldbehörde.',
      },
      {
        anchor: 'unterlagen',
        title: 'Unterlagen',
        text: 'Für den Wohngeldantrag brauchen Sie den Mietvertrag.',
      },
      {
        anchor: 'bescheid',
        title: 'Bescheid über Wohngeld',
        text: 'Über den Antrag entscheidet die Behörde.',
      },
      {
        anchor: 'fristen',
        title: 'Fristen',
        text: 'Wohngeld wird ab dem Monat des Antrags gezahlt.',
      },
    ]),
  },
  {
    id: 'wohngeld-rechner',
    title: 'Wohngeld berechnen',
    url: '/wohngeld/rechner#start',
    category: 'Leistung',
    type: 'Rechner',
    levels: ['Bund'],
    filters: { zielgruppe: ['Bürger', 'Verwaltung'] },
    // The section lies in the stored body text.
    ...page('Mit dem Rechner schätzen Sie Ihr Wohngeld.', [
      { anchor: 'miete', title: 'Miete eingeben', text: 'Geben Sie die Bruttokaltmiete ein.' },
    ]),
  },
  {
    id: 'wohngeldgesetz',
    title: 'Wohngeldgesetz',
    url: '/recht/wogg.pdf',
    body: 'Das Wohngeldgesetz regelt Anspruch und Höhe des Wohngelds.',
    category: 'Recht',
    type: 'PDF',
    levels: ['Bund'],
  },
  {
    id: 'kindergeld',
    title: 'Kindergeld beantragen',
    url: '/kindergeld',
    body: 'Kindergeld beantragen Sie bei der Familienkasse; Wohngeld ist eine andere Leistung.',
    category: 'Leistung',
    type: 'Formular',
    levels: ['Bund'],
    filters: { zielgruppe: ['Bürger'] },
  },
  {
    id: 'wohngeld-studium',
    title: 'Wohngeld für Studierende',
    url: '/wohngeld/studium',
    body: 'Studierende mit BAföG erhalten in der Regel kein Wohngeld.',
    category: 'Leistung',
    levels: ['Land'],
    partners: ['Hessen'],
  },
  {
    id: 'wohngeld-statistik',
    title: 'Wohngeld-Statistik',
    url: '/statistik/wohngeld',
    body: 'Zahl der Haushalte mit Wohngeld nach Ländern.',
    category: 'Statistik',
    filters: { zielgruppe: ['Verwaltung'], jahr: ['2024', '2025'] },
  },
  {
    id: 'wohngeld-uebersicht',
    title: 'Wohngeld im Überblick',
    url: '/wohngeld',
    body: 'Alles zum Wohngeld auf einer Seite.',
  },
];
