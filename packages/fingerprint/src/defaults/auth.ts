import type { CompiledRule, Verdict } from '../rule.js';
import { noMatch } from '../rule.js';

const AUTH_TYPES =
  /^(Unauthori[sz]ed|Unauthenticated|Authentication|Authori[sz]ation|Forbidden|PermissionDenied|AccessDenied|InvalidToken|JsonWebToken|TokenExpired|NotBefore|InvalidCredentials|CsrfToken|InvalidSignature)(Error|Exception)?$/;

/** Authentication and authorization failures, grouped by the function that raised them. */
export const authRule: CompiledRule = {
  name: 'auth',
  evaluate(facts): Verdict {
    const type = facts.type ?? '';
    const byType = AUTH_TYPES.test(type);
    const byStatus = facts.statusCode === 401 || facts.statusCode === 403;
    if (!byType && !byStatus)
      return noMatch(`type "${type}" is not an auth error and the status is not 401/403`);
    const where = facts.function ?? '<unknown function>';
    const kind = byType ? type : String(facts.statusCode);
    return {
      matched: true,
      fingerprint: ['auth', kind, where],
      reason: `${byType ? `type "${type}"` : `status ${facts.statusCode}`} is an auth failure, raised in ${where}`,
    };
  },
};
