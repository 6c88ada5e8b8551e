/** Field checks for the config page; each returns a message for the field, or undefined. */
import { MAX_NODES_LIMIT } from '../constants';

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
  if (timeout === null || !Number.isFinite(timeout) || timeout <= 0) {
    return 'Timeout must be a positive number of seconds (default 30)';
  }
  return undefined;
}

const DURATION = /^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/;

export function validateMinStep(step: string | undefined): string | undefined {
  if (step === undefined || step === '') {
    return undefined;
  }
  if (!DURATION.test(step.trim())) {
    return `"${step}" is not a duration; use a number and a unit, e.g. 15s, 1m or 1h`;
  }
  if (!/[1-9]/.test(step)) {
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
  if (/\s|\//.test(tenant) || tenant.length > 150) {
    return 'Tenant ID must be at most 150 characters without spaces or "/"';
  }
  return undefined;
}
