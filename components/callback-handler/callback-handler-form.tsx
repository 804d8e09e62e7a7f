'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { zodResolver } from '@hookform/resolvers/zod';
import { useController, useForm, useWatch } from 'react-hook-form';

import { buttonClass } from '@/components/ui/button-styles';
import { ApiError } from '@/lib/queries/api-error';
import {
  callbackHandlerFormDefaults,
  containsPrivateKey,
  makeCallbackHandlerFormSchema,
  mapServerFieldToFormField,
  PRIVATE_KEY_MESSAGE,
  toConsoleUpdateBody,
  type CallbackHandlerForm as FormOutput,
  type CallbackHandlerFormValues,
} from '@/lib/callback-handler/callback-handler-schemas';
import type { ApiKeyResponse, ProposeChangeResponse } from '@/lib/queries/types';
import { useInspectCallbackHandler } from '@/lib/queries/use-inspect-callback-handler';
import { useUpdateCallbackHandler } from '@/lib/queries/use-update-callback-handler';

import { FieldError } from '@/components/ui/field-error';
import { hintClass, inputClass, labelClass } from '@/components/ui/field-styles';
import { inspectBodyOf, sameInspectBody } from '@/components/ui/handler/inspect-body';
import { InspectionPanel } from '@/components/ui/handler/inspection-panel';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { correctedCallbackUrl } from '@/lib/callback-handler/url-rules';
import { handlerVerdict } from '@/lib/callback-handler/verdict';
import { cosignerPath } from '@/lib/page-paths';

import { HandlerCheck } from './handler-check';
import { proposedSide, useCurrentSide } from './use-handler-sides';
import { SubmitHint } from './submit-hint';
import type { ResubmitPrefill } from './resubmit-prefill';
import { PemField } from './pem-field';
import { ModeChoice, type HandlerMode } from './mode-choice';
import { ConfirmChangeDialog } from './confirm-change-dialog';
import { SessionExpiryWarning } from './session-expiry-warning';
import { useUnsavedChangesGuard } from './use-unsaved-changes-guard';

/** Why a certificate handler's form starts without its certificate, and what to do about it. */
const PINNED_CERT_NOT_RETURNED =
  'Paste the certificate (PEM): Fireblocks does not return a pinned certificate, only its key hash, and the console did not pin this one.';

export interface CallbackHandlerFormProps {
  cosignerId: string;
  apiKeyId: string;
  current: ApiKeyResponse['callbackHandler'];
  /** Plain http to loopback, only while the upstream is the simulator (same flag as the server's). */
  allowLoopbackHttp: boolean;
  /** A URL to start with in place of the current one (`?url=` of the findings' one-click fix). */
  prefillUrl?: string;
  /** The certificate the key has pinned, when the console sent it: a certificate handler starts with it. */
  pinnedCert?: string;
  /** The change was recorded: its page follows it from here (also when its outcome is unknown or it failed). */
  onRecorded: (changeId: string) => void;
  /** A closed change's values and reason to start from (opened as a new change). */
  resubmit?: ResubmitPrefill;
  /** Changes wait for a second admin (CHANGE_APPROVALS=1): the dialog submits for approval. */
  approvals?: boolean;
}

/** The change form: shared zod schema via its resolver, live server inspection, confirm dialog, then PATCH (a change). */
export function CallbackHandlerForm({
  cosignerId,
  apiKeyId,
  current,
  allowLoopbackHttp,
  prefillUrl,
  pinnedCert,
  onRecorded,
  resubmit,
  approvals,
}: CallbackHandlerFormProps) {
  const id = useId();
  const schema = useMemo(() => makeCallbackHandlerFormSchema({ allowLoopbackHttp }), [allowLoopbackHttp]);
  // Starting values taken once, from the key as loaded. Not `values`: that re-applied every refetch to the fields
  // not yet dirty, so one landing between selecting the URL and typing appended the new text to the old URL. The
  // page remounts the form (keyed by key id) for another key or a new change after a completed one.
  const [defaults] = useState(() => callbackHandlerFormDefaults(current, pinnedCert));
  const form = useForm<CallbackHandlerFormValues, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: 'onChange',
  });
  const { register, control, setValue, setError, setFocus, handleSubmit, formState } = form;
  // Set as a change, not as the starting value: the form is then dirty, so the fix can be reviewed and sent.
  useEffect(() => {
    if (prefillUrl) setValue('url', prefillUrl, { shouldDirty: true, shouldValidate: true });
  }, [prefillUrl, setValue]);
  const { field: pemField } = useController({ control, name: 'pem' });
  const url = useWatch({ control, name: 'url' }) ?? '';
  const mode: HandlerMode = useWatch({ control, name: 'mode' }) ?? 'publicKey';
  const pem = pemField.value ?? '';
  // The text each kind had, so flipping the choice back and forth loses nothing.
  const drafts = useRef<Record<HandlerMode, string>>({
    publicKey: defaults.mode === 'publicKey' ? (defaults.pem ?? '') : '',
    cert: defaults.mode === 'cert' ? (defaults.pem ?? '') : '',
  });

  const liveBody = useMemo(() => inspectBodyOf(url, mode, pem), [url, mode, pem]);
  const debouncedBody = useDebouncedValue(liveBody, 400);
  const inspect = useInspectCallbackHandler(debouncedBody);
  const upToDate = sameInspectBody(debouncedBody, liveBody) && inspect.isSuccess && !inspect.isPlaceholderData;
  const inspection = upToDate ? inspect.data : undefined;

  const mutation = useUpdateCallbackHandler(cosignerId, apiKeyId);
  const [review, setReview] = useState<FormOutput | null>(null);
  const [reason, setReason] = useState(resubmit?.reason ?? '');
  // Once a change is recorded the form never sends again: the page moves on to the change.
  const [recorded, setRecorded] = useState(false);
  const before = useCurrentSide(current);
  const reviewButton = useRef<HTMLButtonElement>(null);
  const unsaved = formState.isDirty && !mutation.isSuccess && !recorded;
  const leaveDialog = useUnsavedChangesGuard(unsaved);

  // A resubmitted change's values go in as edits, not as the starting values: the form is then dirty against the
  // key's live handler, so it can be reviewed and sent once corrected (or as it is, if the live handler moved).
  useEffect(() => {
    if (!resubmit) return;
    setValue('url', resubmit.url, { shouldDirty: true });
    setValue('mode', resubmit.mode, { shouldDirty: true });
    setValue('pem', resubmit.pem, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
    drafts.current[resubmit.mode] = resubmit.pem;
  }, [resubmit, setValue]);

  function onPemText(text: string) {
    if (containsPrivateKey(text)) {
      // Never kept, never inspected, never sent: the field is emptied and says why.
      setValue('pem', '', { shouldDirty: true });
      setError('pem', { type: 'private-key', message: PRIVATE_KEY_MESSAGE }, { shouldFocus: true });
      return;
    }
    setValue('pem', text, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
  }

  function onMode(next: HandlerMode) {
    drafts.current[mode] = pem;
    setValue('mode', next, { shouldDirty: true });
    const restored = drafts.current[next];
    setValue('pem', restored, { shouldDirty: true, shouldValidate: restored !== '' });
  }

  async function send() {
    if (!review || recorded) return;
    try {
      const result: ProposeChangeResponse = await mutation.mutateAsync({
        ...toConsoleUpdateBody(review),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setRecorded(true);
      onRecorded(result.change.id);
    } catch (error) {
      if (!(error instanceof ApiError)) return;
      // Field errors go back to their fields (and the dialog closes).
      const mapped = Object.entries(error.fields ?? {}).flatMap(([key, message]) => {
        const field = mapServerFieldToFormField(key);
        return field ? [[field, message] as const] : [];
      });
      if (mapped.length > 0) {
        for (const [field, message] of mapped) setError(field, { type: 'server', message });
        setReview(null);
        const first = mapped[0]?.[0];
        if (first) window.setTimeout(() => setFocus(first === 'mode' ? 'pem' : first), 0);
        return;
      }
      // A recorded change that did not come back accepted (no answer: outcome unknown; or refused) is followed on
      // its page, never sent again from here: the request may already be at Fireblocks. Another admin's open
      // change (409) stays in the dialog with its link.
      if (error.changeId && error.code !== 'change_open') {
        setRecorded(true);
        onRecorded(error.changeId);
      }
    }
  }

  const urlError = formState.errors.url?.message ?? inspection?.errors.url;
  const pemError =
    formState.errors.pem?.message ?? (mode === 'cert' ? inspection?.errors.cert : inspection?.errors.publicKey);
  const canSubmit =
    formState.isValid && formState.isDirty && inspection?.ok === true && !mutation.isPending && !recorded;
  const corrected = correctedCallbackUrl(url);
  const missing = !pem.trim()
    ? mode !== 'cert'
      ? 'No public key entered yet.'
      : current?.certPublicKeyHash && !current.publicKey
        ? PINNED_CERT_NOT_RETURNED
        : 'No certificate entered yet.'
    : !url.trim()
      ? 'No URL entered yet.'
      : undefined;
  // One verdict for the panel and the hint beside the button (the panel's answer may be a moment old: it says so).
  const verdict = handlerVerdict({
    inspectionErrors: inspect.data?.errors,
    warnings: inspect.data?.warnings,
    formErrors: { url: formState.errors.url?.message, [mode]: formState.errors.pem?.message },
    missing,
  });
  // What "Check the handler now" probes: the handler as it would be submitted, once every rule passes.
  const checkBody = formState.isValid && inspection?.ok === true ? toConsoleUpdateBody({ url, mode, pem }) : null;

  return (
    <div>
      {/* Three grid items: the fields, the inspection, the buttons. One column below lg, in that order, so the verdict
          is seen (and read) before "Review change"; from lg the inspection sits beside one card of fields and buttons. */}
      <form
        noValidate
        aria-label="Change callback handler"
        onSubmit={(e) =>
          void handleSubmit((values) => {
            mutation.reset();
            setReview(values);
          })(e)
        }
        className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:grid-rows-[auto_1fr] lg:gap-y-0"
      >
        <div className="space-y-5 rounded-lg border border-zinc-200 bg-white p-5 shadow-sm lg:rounded-b-none lg:border-b-0 lg:shadow-none dark:border-zinc-800 dark:bg-zinc-900">
          <div className="space-y-1.5">
            <label htmlFor={`${id}-url`} className={labelClass}>
              Callback URL
            </label>
            <input
              id={`${id}-url`}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://callbacks.example.com"
              aria-invalid={urlError ? true : undefined}
              aria-describedby={`${id}-url-hint${urlError ? ` ${id}-url-err` : ''}`}
              className={inputClass(Boolean(urlError), 'font-mono')}
              {...register('url')}
            />
            <p id={`${id}-url-hint`} className={hintClass}>
              The handler’s base URL over https. The Co-Signer appends /v2/tx_sign_request itself.
            </p>
            <FieldError id={`${id}-url-err`} message={urlError} />
            {corrected && corrected !== url.trim() && (
              <button
                type="button"
                onClick={() => {
                  setValue('url', corrected, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
                  setFocus('url');
                }}
                className={buttonClass({
                  size: 'sm',
                  className: 'h-auto min-h-8 max-w-full py-1 text-left font-mono text-xs [overflow-wrap:anywhere]',
                })}
              >
                Use {corrected}
              </button>
            )}
          </div>
          <ModeChoice name={`${id}-mode`} value={mode} onChange={onMode} />
          <PemField
            mode={mode}
            value={pem}
            onText={onPemText}
            onBlur={pemField.onBlur}
            error={pemError}
            textareaRef={pemField.ref}
          />
        </div>
        <div className="space-y-4 lg:sticky lg:top-6 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
          <InspectionPanel
            inspection={inspect.data}
            checking={liveBody !== null && !upToDate && !inspect.isError}
            error={inspect.error}
            onRetry={() => void inspect.refetch()}
            empty={liveBody === null}
            missing={missing}
            verdict={verdict}
          />
          <HandlerCheck body={checkBody} />
        </div>
        <div className="flex flex-col-reverse gap-3 rounded-lg border border-zinc-200 bg-white p-5 shadow-sm sm:flex-row sm:items-center sm:justify-between lg:col-start-1 lg:self-start lg:rounded-t-none lg:shadow-none dark:border-zinc-800 dark:bg-zinc-900">
          <Link href={cosignerPath(cosignerId)} className={buttonClass({ variant: 'ghost' })}>
            Cancel
          </Link>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <SubmitHint
              dirty={formState.isDirty}
              verdict={verdict}
              missing={missing}
              checking={!upToDate && liveBody !== null}
              inspectFailed={inspect.isError}
            />
            <button
              ref={reviewButton}
              type="submit"
              disabled={!canSubmit}
              className={buttonClass({ variant: 'primary' })}
            >
              Review change
            </button>
          </div>
        </div>
      </form>
      {review && (
        <ConfirmChangeDialog
          apiKeyId={apiKeyId}
          before={before}
          after={proposedSide(review.url, review.mode, inspection)}
          afterCertFingerprint={review.mode === 'cert' ? inspection?.cert?.fingerprintSha256 : undefined}
          reason={reason}
          onReason={setReason}
          sending={mutation.isPending || recorded}
          error={recorded ? null : mutation.error}
          onConfirm={() => void send()}
          onClose={() => setReview(null)}
          approvals={approvals}
          returnFocus={reviewButton}
        />
      )}
      {leaveDialog}
      <SessionExpiryWarning active={unsaved} />
    </div>
  );
}
