// The colour of a run's status, the same in the run log and the connections table.
export const RUN_STATUS_STYLE: Record<string, string> = {
  succeeded: 'bg-emerald-50 text-emerald-700',
  failed: 'bg-red-50 text-red-700',
  running: 'bg-blue-50 text-blue-700',
  interrupted: 'bg-amber-50 text-amber-800',
};
