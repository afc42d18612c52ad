// A failed send: whether trying again may help (a server down, a timeout, a 5xx, a 4xx SMTP reply)
// or not (a 5xx SMTP refusal, a webhook answering 404), and the message, already scrubbed.
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    // e-mail: the addresses that did get it in this attempt
    readonly delivered: string[] = [],
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
