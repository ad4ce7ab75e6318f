import type { ElderInput } from '@eldercare/contracts';
import { categoriesOnRecord } from '@eldercare/domain';
import type { ElderWrite } from '@eldercare/persistence';

/** What is stored of what a person sent, by form or by file: 高龄 follows the birth date, whatever was ticked. */
export function onRecord(input: ElderInput, now = Date.now()): ElderWrite {
  return { ...input, categories: categoriesOnRecord(input.categories, input.birthDate, now) };
}
