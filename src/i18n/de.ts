/** German strings (formal "Sie"). */
import type { HzdStrings } from './index.js';
import { formatNumber, pluralCategory, shorten } from './format.js';

const count = (n: number, one: string, other: string) =>
  `${formatNumber('de', n)} ${pluralCategory('de', n) === 'one' ? one : other}`;

export const de: HzdStrings = {
  label: 'Wie können wir Ihnen helfen?',
  hint: 'Geben Sie einen Suchbegriff ein.',
  placeholder: '',
  instructions:
    'Ergebnisse erscheinen während der Eingabe. Vorschläge wählen Sie mit den Pfeiltasten und der Eingabetaste aus.',
  submit: 'Suchen',
  clear: 'Eingabe löschen',
  suggestions: 'Vorschläge',
  pageSuggestion: 'Seite',
  suggestionCount: (n) => `${count(n, 'Vorschlag', 'Vorschläge')} verfügbar.`,
  instanceName: (position) => `Suche ${position}`,
  resultsHeading: 'Suchergebnisse',
  resultCount: (total, query) =>
    `${count(total, 'Ergebnis', 'Ergebnisse')} für „${shorten(query)}“`,
  noResults: (query) => `Keine Ergebnisse für „${shorten(query)}“.`,
  resultsWithout: (words) =>
    `Ergebnisse ohne: ${words.map((word) => shorten(word, 40)).join(', ')}`,
  noResultsHelp: 'Bitte prüfen Sie die Schreibweise oder versuchen Sie einen anderen Begriff.',
  didYouMean: 'Meinten Sie',
  tooShort: (minChars) =>
    `Bitte geben Sie mindestens ${count(minChars, 'Zeichen', 'Zeichen')} ein.`,
  loading: 'Die Suche wird geladen …',
  searching: 'Suche läuft …',
  error: 'Die Suche ist derzeit nicht verfügbar. Bitte versuchen Sie es später erneut.',
  retry: 'Erneut versuchen',
  siteSearch: 'Auf der gesamten Website suchen',
  contact: 'Kontakt aufnehmen',
  otherWays: 'Weitere Möglichkeiten',
  allResults: (total) => `Alle ${count(total, 'Ergebnis', 'Ergebnisse')} anzeigen`,
  moreResults: 'Weitere Ergebnisse anzeigen',
  moreLoaded: (n) => `${count(n, 'weiteres Ergebnis', 'weitere Ergebnisse')} geladen.`,
  popular: 'Häufig gesucht',
  dataDate: (date) => `Datenstand: ${date}`,
  category: 'Kategorie',
  partners: 'Beteiligte',
  levels: 'Ebene',
  updated: 'Stand',
  type: 'Art',
  filterButton: (n) => (n ? `Filter (${formatNumber('de', n)} aktiv)` : 'Filter'),
  filterReset: 'Filter zurücksetzen',
  filteredNoResults: 'Die gewählten Filter schließen alle Ergebnisse aus.',
  filterLabels: {},
};
