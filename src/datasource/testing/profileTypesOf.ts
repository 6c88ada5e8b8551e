import type { ProfileTypeInfo } from '../types';

/** A recorded `ProfileTypes` answer in the shape the backend's `profileTypes` resource returns. */
export function profileTypesOf(response: { profileTypes: Array<Record<string, string>> }): ProfileTypeInfo[] {
  return response.profileTypes.map((t) => ({
    id: t.ID,
    name: t.name,
    sampleType: t.sampleType,
    sampleUnit: t.sampleUnit,
    periodType: t.periodType,
    periodUnit: t.periodUnit,
  }));
}
