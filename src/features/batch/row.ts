// A lookup's outcome as a batch row, read the way the result panel reads it: the same catalog context for the
// code's meaning and the same rule for whether the status can still change.
import type { BatchRow } from '../../core/batch/rows';
import type { LookupOutcome } from '../../core/telesign/types';
import { explainCode, type CodeExplainer } from '../resultPanel/explain';
import { isIntermediate } from '../resultPanel/status';

export function batchRow(outcome: LookupOutcome, catalog: CodeExplainer | undefined): BatchRow {
  const base = {
    referenceId: outcome.referenceId.toUpperCase(),
    endpoint: outcome.request.endpoint,
    attempts: outcome.attempts,
    durationMs: outcome.timing.durationMs,
  };
  if (!outcome.ok) {
    const e = outcome.error;
    const meaning = explainCode(catalog, e.code, outcome, 'errors.code')?.best.text ?? '';
    return {
      ...base,
      ok: false,
      httpStatus: e.httpStatus ?? null,
      statusCode: e.code ?? null,
      description: e.description ?? '',
      meaning,
      final: null,
      verifyState: null,
      errorKind: e.kind,
      errorMessage: e.message,
      updatedOn: null,
    };
  }
  const s = outcome.status;
  const explained = explainCode(catalog, s.code, outcome, 'status.code');
  const final = s.code === null && outcome.state === undefined ? null : !isIntermediate(outcome, explained?.best.final);
  return {
    ...base,
    ok: true,
    httpStatus: outcome.httpStatus,
    statusCode: s.code,
    description: s.description,
    meaning: explained?.best.text ?? '',
    final,
    verifyState: outcome.verify?.state ?? outcome.state ?? null,
    errorKind: null,
    errorMessage: null,
    updatedOn: s.updatedOn ?? null,
  };
}
