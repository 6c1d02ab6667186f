/** A document as read from a file, before validation, with what is needed to point at it. */
export interface RawDocument {
  /** The document's fields as read; validated later. */
  data: unknown;
  /** The file it came from, as shown to the user. */
  file: string;
  /** Line where the document starts, when known without extra work. */
  line?: number;
  /** Index in a JSON array, shown as "item [3]". */
  item?: number;
  /** Line of a field (or of the document, without a field); computed only when an error needs it. */
  locate?(field?: string): number | undefined;
  /**
   * The id was made from the path, not given: if another document has it, this one gets a `~2`
   * suffix instead of an error (given ids that collide are an error).
   */
  derivedId?: boolean;
  /** Advice for an error in a field, e.g. that the id defaults to the file name. */
  hintFor?(field: string): string | undefined;
}
