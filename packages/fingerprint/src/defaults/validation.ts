import { read } from '../facts.js';
import type { CompiledRule, Verdict } from '../rule.js';
import { noMatch } from '../rule.js';

/** Zod, Joi, Yup, class-validator, AJV, Mongoose, Valibot and friends. */
const VALIDATION_TYPES =
  /^(ZodError|ValiError|ValidationError|ValidatorError|ValidationException|BadRequestError|UnprocessableEntityError|AjvValidationError|StructError|ArkErrors)$/;

/** Validation failures, grouped by the function that rejected the input. */
export const validationRule: CompiledRule = {
  name: 'validation',
  evaluate(facts): Verdict {
    const type = facts.type ?? '';
    const byType = VALIDATION_TYPES.test(type) || read(facts.original, 'isJoi') === true;
    const byStatus = facts.statusCode === 400 || facts.statusCode === 422;
    if (!byType && !byStatus)
      return noMatch(`type "${type}" is not a validation error and the status is not 400/422`);
    const where = facts.function ?? '<unknown function>';
    return {
      matched: true,
      fingerprint: ['validation', byType ? type : String(facts.statusCode), where],
      reason: `${byType ? `type "${type}"` : `status ${facts.statusCode}`} is a validation failure, raised in ${where}`,
    };
  },
};
