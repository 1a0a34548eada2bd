import { test } from '@playwright/test';

/**
 * Print one figure, against its budget when it has one (`name: value unit (budget < b unit,
 * within|OVER)`), and attach it to the report. Never asserts: figures depend on the machine's
 * load, not only on the code.
 */
export function report(
  name: string,
  value: number,
  unit: string,
  budget: { readonly below?: number; readonly above?: number } = {},
): void {
  let against = 'no budget';
  if (budget.below !== undefined)
    against = `budget < ${budget.below} ${unit}, ${value < budget.below ? 'within' : 'OVER'}`;
  else if (budget.above !== undefined)
    against = `budget > ${budget.above} ${unit}, ${value > budget.above ? 'within' : 'OVER'}`;
  const line = `${name}: ${Number(value.toFixed(1))} ${unit} (${against})`;
  console.log(line);
  test.info().annotations.push({ type: name, description: line });
}
