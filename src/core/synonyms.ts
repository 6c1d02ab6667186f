/**
 * Built-in synonyms and abbreviations of German administration language. Each group lists words
 * or phrases a visitor may use for the same thing; at query time any of them also finds the
 * others. The groups are stored in every index, and a site adds its own with the CLI
 * (`--synonyms`) or `buildIndex(docs, { synonyms })`.
 */
import type { SynonymGroup } from './types.js';

export const DEFAULT_SYNONYMS: readonly SynonymGroup[] = [
  // Items of the shipped cooperation content.
  [
    'EAÜ',
    'elektronische Aufenthaltsüberwachung',
    'Fußfessel',
    'elektronische Fußfessel',
    'GPS-Ortung',
  ],
  ['EPK', 'elektronische Präsenzkontrolle'],
  ['eMPK', 'elektronische Ministerpräsidentenkonferenz', 'MPK', 'Ministerpräsidentenkonferenz'],
  ['eKIS', 'elektronisches Kabinettinformationssystem', 'Kabinettinformationssystem'],
  ['OASIS', 'Spielersperrsystem', 'Spielsperre', 'Sperrsystem'],
  ['Spielsucht', 'Glücksspielsucht', 'Spielsüchtige'],
  ['Spielhalle', 'Spielothek', 'Casino', 'Spielbank'],
  ['DigitAH', 'Digitalisierung Asylverfahren', 'digitales Asylverfahren'],
  ['Asyl', 'Flüchtlinge', 'Geflüchtete', 'Asylbewerber'],
  ['Wohngeld', 'Mietzuschuss'],
  ['KOPIT', 'KOPIT eG'],
  ['eG', 'Genossenschaft'],
  ['Art. 91c GG', 'Artikel 91c Grundgesetz', '91c'],
  ['GG', 'Grundgesetz', 'Verfassung'],
  ['HZD', 'Hessische Zentrale für Datenverarbeitung'],
  ['DMS', 'Dokumentenmanagement', 'Dokumentenmanagementsystem', 'E-Akte', 'elektronische Akte'],
  ['eJustice', 'elektronische Justiz', 'E-Justiz'],
  // General administration vocabulary.
  ['IT', 'Informationstechnik', 'EDV'],
  ['Kooperation', 'Zusammenarbeit'],
  ['Beschaffung', 'Einkauf', 'Vergabe'],
  ['Kommune', 'Gemeinde', 'Stadt', 'Landkreis'],
  ['Bundesland', 'Land', 'Länder'],
  ['OZG', 'Onlinezugangsgesetz'],
  ['EfA', 'Einer für Alle'],
  ['BITV', 'Barrierefreie-Informationstechnik-Verordnung', 'Barrierefreiheit'],
  ['DSGVO', 'Datenschutz-Grundverordnung', 'Datenschutz'],
  ['BAföG', 'Ausbildungsförderung'],
  ['Perso', 'Personalausweis', 'Ausweis'],
  ['Kita', 'Kindertagesstätte', 'Kindergarten'],
  ['Hartz IV', 'Bürgergeld', 'Arbeitslosengeld II', 'ALG II'],
  ['Kfz', 'Kraftfahrzeug', 'Auto'],
  ['Kfz-Zulassung', 'Auto anmelden', 'Fahrzeugzulassung'],
  ['Führerschein', 'Fahrerlaubnis'],
  ['Ummeldung', 'Wohnsitz ummelden', 'Umzug melden'],
];
