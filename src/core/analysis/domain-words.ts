/**
 * Folded words of public administration and IT that the compound splitter should know even when
 * neither the lexicon nor the indexed content has them standing alone. Build time only.
 */
export const DOMAIN_WORDS = `
online digital digitalisierung strategie zugang spiel spieler sperre system sucht gluck
glucksspiel halle uberwachung aufenthalt prasenz kontrolle minister prasident konferenz kabinett
information asyl verfahren wohnen geld berechnung wohngeld elterngeld kindergeld burgergeld
arbeitslosengeld lotterie gesellschaft bank kanzlei staat
justiz ministerium innen fach anwendung netz verwaltung ebene dienst leistung beschaffung
software hardware genossenschaft kooperation daten fessel ortung management prozess geschaft
struktur portal service burger termin antrag ausweis personal fuhrerschein kinder betreuung
kosten steuer erklarung einkommen akte dokument vorgang register meldung melde bescheid gebuhr
formular post brief mail konto zahlung karte bildung schule hochschule student arbeit rente
pflege gesundheit kranken versicherung familie eltern sozial hilfe jugend wahl fahrzeug auto
zulassung park gewerbe firma unternehmen umwelt abfall wasser energie strom bau wohnung miete
zuschuss land bund kommune gemeinde stadt kreis region polizei feuer wehr schutz sicherheit
gericht richter anwalt strafe vollzug haft gefangene bewahrung technik infrastruktur rechen
zentrum plattform cloud server programm projekt plan entwicklung betrieb nutzung nutzer
`;
