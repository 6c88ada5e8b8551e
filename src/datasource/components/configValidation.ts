/** Field checks for the config page; each returns a message for the field, or undefined. */
import { DEFAULT_TIMEOUT_SECONDS, MAX_NODES_LIMIT, MAX_TIMEOUT_SECONDS } from '../constants';
import { isValidTenantId, parseDuration } from '../rules';

export function validateUrl(url: string | undefined): string | undefined {
  if (!url || url.trim() === '') {
    return 'Enter the Pyroscope server URL, e.g. http://pyroscope:4040';
  }
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return `"${url}" is not a URL; use the form http://host:4040`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `The URL must start with http:// or https://, not ${parsed.protocol}//`;
  }
  return undefined;
}

export function validateTimeout(timeout: number | undefined | null): string | undefined {
  if (timeout === undefined) {
    return undefined;
  }
  // 0 means the default, as the backend reads it.
  if (timeout === null || !Number.isFinite(timeout) || timeout < 0) {
    return `Timeout must be a positive number of seconds (default ${DEFAULT_TIMEOUT_SECONDS})`;
  }
  if (timeout > MAX_TIMEOUT_SECONDS) {
    return `Timeout must be at most ${MAX_TIMEOUT_SECONDS} seconds (one day)`;
  }
  return undefined;
}

export function validateMinStep(step: string | undefined): string | undefined {
  if (step === undefined || step === '') {
    return undefined;
  }
  const parsed = parseDuration(step);
  if ('error' in parsed) {
    return parsed.error === 'tooLong'
      ? `"${step}" is too long for a min step`
      : `"${step}" is not a duration; use a number and a unit, e.g. 15s, 1m30s or 1.5h`;
  }
  if (parsed.seconds === 0) {
    return 'Min step must be longer than zero';
  }
  return undefined;
}

export function validateMaxNodes(maxNodes: number | undefined | null): string | undefined {
  if (maxNodes === undefined) {
    return undefined;
  }
  if (maxNodes === null || !Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > MAX_NODES_LIMIT) {
    return `Max nodes must be a whole number from 1 to ${MAX_NODES_LIMIT.toLocaleString('en-US')}`;
  }
  return undefined;
}

export function validateTenantId(tenant: string | undefined): string | undefined {
  if (!tenant) {
    return undefined;
  }
  if (!isValidTenantId(tenant)) {
    return `Tenant ID must be up to 150 letters, digits or !-_.*'() without spaces or "/" (several joined by |)`;
  }
  return undefined;
}
