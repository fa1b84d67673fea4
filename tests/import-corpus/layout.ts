// What one corpus layout is: a file an office really holds, built in the test from the public formats, and the
// records a correct import must yield from it. Every layout module exports one of these.
import type { ExpectedRecords } from './score';

export interface CorpusLayout {
  /** Short stable id (kebab-case), used in test names and the script's report. */
  id: string;
  /** The file name an office would give it; its extension tells the importer how to decode it. */
  fileName: string;
  /** What the layout stands for and what in it is hard. */
  description: string;
  build(): Uint8Array;
  expected: ExpectedRecords;
}
