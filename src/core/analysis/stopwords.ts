/**
 * German function words, removed from documents and queries so that questions such as
 * "Wie beantrage ich Wohngeld?" search for what matters. Stored folded (see fold.ts).
 *
 * Deliberately small: words that carry meaning in administration texts (amt, bund, land, recht,
 * antrag, frist) are not stop words, and neither are words a visitor types alone to find a topic.
 */
const WORDS = `
aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf
aus bei beim bin bis bist da dabei dadurch dafur dagegen daher damit dann darf darauf daran
darin darum darunter das dass dasselbe dazu dein deine deinem deinen deiner dem demnach den denen
denn dennoch der deren derer des deshalb dessen dich die dies diese diesem diesen dieser dieses
dir doch dort du durch ein eine einem einen einer eines einige einigen einiger einiges er es
etwa etwas euch euer eure fur gegen gibt hab habe haben hat hatte hatten hier hin hinter ich
ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist ja jede jedem jeden jeder
jedes jene jenem jenen jener jenes jetzt kann kannst kein keine keinem keinen keiner kann konnen
konnte man manche manchem manchen mancher manches mein meine meinem meinen meiner mich mir mit
muss mussen musste nach nachdem nein nicht nichts noch nun nur ob oder ohne sehr sein seine
seinem seinen seiner seit sich sie sind so solche solchem solchen solcher soll sollen sollte
sondern sonst sowie uber um und uns unser unsere unserem unseren unter viel vom von vor wahrend
war waren warum was weil welche welchem welchen welcher welches wenn wer werde werden wessen wie
wieder will wir wird wirst wo wodurch wofur woher wohin womit woran worum wozu wurde wurden zu
zum zur zwar zwischen bitte gibt's geht gehts erhalte bekomme brauche finde
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
