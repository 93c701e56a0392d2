/** One rung of a selector table: where a value sits in one era of LinkedIn's markup. */
export interface Candidate {
  /** CSS selector. */
  selector: string;
  /** Where to read the value: the text (default) or an attribute. */
  attr?: string;
  /** The markup era this rung was written for. */
  era: string;
  /** A reading that needs more than one element; gets the first match and the whole root. */
  read?: (el: Element, root: ParentNode) => string | null;
}
