/** Field checks for the config page; each returns a message for the field, or undefined. */
import { ruleMessage } from '../../shared/messages';
import { MAX_NODES_LIMIT, MAX_TIMEOUT_SECONDS } from '../constants';
import { isValidTenantId, parseDuration } from '../rules';
import { urlProblem } from '../urlRule';

export function validateUrl(url: string | undefined): string | undefined {
  return urlProblem(url ?? '');
}

export function validateTimeout(timeout: number | undefined | null): string | undefined {
  if (timeout === undefined) {
    return undefined;
  }
  // 0 means the default, as the backend reads it.
  if (timeout === null || !Number.isFinite(timeout) || timeout < 0) {
    return ruleMessage('timeoutNotPositive');
  }
  if (timeout > MAX_TIMEOUT_SECONDS) {
    return ruleMessage('timeoutTooLong');
  }
  return undefined;
}

export function validateMinStep(step: string | undefined): string | undefined {
  if (step === undefined || step === '') {
    return undefined;
  }
  const parsed = parseDuration(step);
  if ('error' in parsed) {
    return ruleMessage(parsed.error === 'tooLong' ? 'minStepTooLong' : 'minStepNotDuration', step);
  }
  if (parsed.seconds === 0) {
    return ruleMessage('minStepZero');
  }
  return undefined;
}

export function validateMaxNodes(maxNodes: number | undefined | null): string | undefined {
  if (maxNodes === undefined) {
    return undefined;
  }
  if (maxNodes === null || !Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > MAX_NODES_LIMIT) {
    return ruleMessage('maxNodesRange');
  }
  return undefined;
}

export function validateTenantId(tenant: string | undefined): string | undefined {
  if (!tenant) {
    return undefined;
  }
  if (!isValidTenantId(tenant)) {
    return ruleMessage('tenantInvalid', tenant);
  }
  return undefined;
}
