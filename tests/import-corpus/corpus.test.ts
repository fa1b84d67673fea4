// Every corpus file through `runImportPipeline` with the proposed mapping, untouched: each expected field value must
// come out right (100%), nothing unexpected may be imported (a 小計 row as a project), and no row may have an error.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { runImportPipeline } from '../../shared/excel/import-pipeline';
import type { PipelineOptions } from '../../shared/excel/import-pipeline';
import { plainControl } from './control';
import { CORPUS } from './corpus';
import type { CorpusLayout } from './layout';
import { actualFromParsed } from './records';
import { describeScore, formatShare, scoreRecords } from './score';

function importAndScore(layout: CorpusLayout): { share: string; misses: string[]; errors: string[]; full: string } {
  // fileName is the contract's optional hint for decoding (item 1); passed as a variable so the test compiles
  // whether or not PipelineOptions declares it yet.
  const opts: PipelineOptions & { fileName?: string } = { programs: BUILTIN_CATALOG.programs, fileName: layout.fileName };
  const run = runImportPipeline(layout.build(), opts);
  if (!run.ok) throw new Error(`${layout.fileName} was not read: ${run.message.en}`);
  const score = scoreRecords(layout.expected, actualFromParsed(run.result));
  const errors = run.result.problems.filter((p) => p.severity === 'error').map((p) => `${p.sheet}!${p.column ?? ''}${p.row}: ${p.message.en}`);
  return { share: formatShare(score.right, score.expected), misses: describeScore(score), errors, full: formatShare(score.expected, score.expected) };
}

describe('import corpus through the pipeline', () => {
  it('scores a plain sheet the importer has always read at 100% (the runner and scorer are sound)', () => {
    const { share, misses, errors, full } = importAndScore(plainControl);
    expect({ share, misses, errors }).toEqual({ share: full, misses: [], errors: [] });
  });

  it.each(CORPUS.map((l) => [l.id, l] as const))('%s imports every expected value with no manual mapping', (_id, layout) => {
    const { share, misses, errors, full } = importAndScore(layout);
    expect({ share, misses, errors }).toEqual({ share: full, misses: [], errors: [] });
  });
});
