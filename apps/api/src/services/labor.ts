import { evaluateShifts, LaborInputError, type LaborCheckRequest, type LaborVerdict } from '@clockin/domain';
import { AppError } from '../errors.ts';

/** Checks dated shifts against Ohio and federal rules for minors. Pure: no database. */
export function checkLabor(request: LaborCheckRequest): LaborVerdict {
  try {
    return evaluateShifts(request);
  } catch (error) {
    if (error instanceof LaborInputError) {
      // The engine's messages start with the field's path, such as "shifts[2].end".
      const field = /^([A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+)?)\s/.exec(error.message)?.[1] ?? 'body';
      throw new AppError('ValidationError', error.message, field.replace(/\[(\d+)\]/g, '.$1'));
    }
    throw error;
  }
}
