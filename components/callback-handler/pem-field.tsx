'use client';

import { useId, useState, type DragEvent } from 'react';
import { Upload } from 'lucide-react';

import { buttonClass } from '@/components/ui/button-styles';
import { cn } from '@/components/ui/cn';
import { PEM_MAX_CHARS } from '@/lib/callback-handler/callback-handler-schemas';

import { FieldError } from '@/components/ui/field-error';
import { hintClass, inputClass, labelClass } from '@/components/ui/field-styles';

export interface PemFieldProps {
  mode: 'publicKey' | 'cert';
  value: string;
  /** Every new text goes through here (typed, pasted, dropped, picked), so one place can refuse private keys. */
  onText: (text: string) => void;
  onBlur: () => void;
  error: string | undefined;
  textareaRef?: (el: HTMLTextAreaElement | null) => void;
}

/** PEM textarea that also takes a dropped or picked file (read locally; nothing is uploaded by this). */
export function PemField({ mode, value, onText, onBlur, error, textareaRef }: PemFieldProps) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [fileError, setFileError] = useState<string>();
  const noun = mode === 'cert' ? 'Certificate' : 'Public key';
  const block = mode === 'cert' ? 'CERTIFICATE' : 'PUBLIC KEY';

  async function readFile(file: File | undefined) {
    setFileError(undefined);
    if (!file) return;
    if (file.size > PEM_MAX_CHARS * 2) {
      setFileError(`“${file.name}” is too large to be a ${noun.toLowerCase()} (over ${PEM_MAX_CHARS * 2} bytes).`);
      return;
    }
    onText(await file.text());
  }

  function onDrop(e: DragEvent<HTMLTextAreaElement>) {
    e.preventDefault();
    setDragging(false);
    void readFile(e.dataTransfer.files[0]);
  }

  const message = fileError ?? error;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={`${id}-pem`} className={labelClass}>
          {noun} (PEM)
        </label>
        <label
          className={buttonClass({
            size: 'sm',
            className:
              'cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600',
          })}
        >
          <Upload aria-hidden className="h-3.5 w-3.5" />
          Load {noun.toLowerCase()} from a file
          <input
            type="file"
            accept=".pem,.crt,.cer,.pub,.txt,text/plain,application/x-pem-file"
            className="sr-only"
            onChange={(e) => {
              void readFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <textarea
        id={`${id}-pem`}
        ref={textareaRef}
        value={value}
        onChange={(e) => onText(e.target.value)}
        onBlur={onBlur}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        rows={9}
        spellCheck={false}
        autoComplete="off"
        placeholder={`-----BEGIN ${block}-----\n…\n-----END ${block}-----`}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint${message ? ` ${id}-err` : ''}`}
        className={inputClass(
          Boolean(message),
          cn('font-mono text-xs leading-relaxed', dragging && 'ring-2 ring-indigo-500'),
        )}
      />
      <p id={`${id}-hint`} className={hintClass}>
        Paste a -----BEGIN {block}----- block, or drop a file here.{' '}
        {mode === 'publicKey'
          ? 'Fireblocks accepts RSA 2048-bit keys.'
          : 'Fireblocks pins the certificate’s public key.'}{' '}
        Never paste a private key.
      </p>
      <FieldError id={`${id}-err`} message={message} />
    </div>
  );
}
