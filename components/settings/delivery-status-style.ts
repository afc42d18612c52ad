// The colour of a notification's delivery status, the same in the channels table and the log.
export const DELIVERY_STATUS_STYLE: Record<string, string> = {
  sent: 'bg-emerald-50 text-emerald-700',
  pending: 'bg-blue-50 text-blue-700',
  retrying: 'bg-amber-50 text-amber-800',
  failed: 'bg-red-50 text-red-700',
  abandoned: 'bg-red-100 text-red-800',
};
