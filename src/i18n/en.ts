/** English strings. */
import type { HzdStrings } from './index.js';
import { formatNumber, pluralCategory, shorten } from './format.js';

const count = (n: number, one: string, other: string) =>
  `${formatNumber('en', n)} ${pluralCategory('en', n) === 'one' ? one : other}`;

export const en: HzdStrings = {
  label: 'How can we help you?',
  hint: 'Enter a search term.',
  placeholder: '',
  instructions: 'Results appear as you type. Use the arrow keys and Enter to choose a suggestion.',
  submit: 'Search',
  clear: 'Clear input',
  suggestions: 'Suggestions',
  pageSuggestion: 'Page',
  suggestionCount: (n) => `${count(n, 'suggestion', 'suggestions')} available.`,
  instanceName: (position) => `Search ${position}`,
  resultsHeading: 'Search results',
  resultCount: (total, query) => `${count(total, 'result', 'results')} for “${shorten(query)}”`,
  noResults: (query) => `No results for “${shorten(query)}”.`,
  resultsWithout: (words) =>
    `Results without: ${words.map((word) => shorten(word, 40)).join(', ')}`,
  noResultsHelp: 'Please check the spelling or try a different term.',
  didYouMean: 'Did you mean',
  tooShort: (minChars) => `Please enter at least ${count(minChars, 'character', 'characters')}.`,
  loading: 'Loading the search …',
  searching: 'Searching …',
  error: 'The search is currently unavailable. Please try again later.',
  retry: 'Try again',
  siteSearch: 'Search the whole website',
  contact: 'Contact us',
  otherWays: 'Other ways to find it',
  allResults: (total) => `Show all ${count(total, 'result', 'results')}`,
  moreResults: 'Show more results',
  moreLoaded: (n) => `${count(n, 'more result', 'more results')} loaded.`,
  popular: 'Frequently searched',
  dataDate: (date) => `Data as of ${date}`,
  category: 'Category',
  partners: 'Partners',
  levels: 'Level',
  updated: 'Updated',
  type: 'Type',
  filterButton: (n) => (n ? `Filters (${formatNumber('en', n)} active)` : 'Filters'),
  filterReset: 'Reset filters',
  filteredNoResults: 'The chosen filters exclude all results.',
  filterLabels: {},
};
