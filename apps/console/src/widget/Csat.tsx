/**
 * CSAT at resolution: a 1–5 rating with an optional comment, sent to
 * `POST /v1/conversations/{id}/feedback` (a later rating replaces the earlier one).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, customerApi } from '../api.js';
import type { ApiError, CustomerSession } from '../api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';

const LABELS = ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'] as const;

export function Csat(props: { session: CustomerSession }) {
  const [rating, setRating] = useState<number>();
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (rating === undefined) return;
    try {
      await customerApi.rate({ session: props.session, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setSent(true);
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };

  if (sent) {
    return (
      <p className="notice" role="status">
        Thank you for rating this conversation {rating} out of 5.
      </p>
    );
  }
  return (
    <form className="csat" onSubmit={(event) => void submit(event)} aria-labelledby="csat-title">
      <h2 id="csat-title">How did we do?</h2>
      <fieldset>
        <legend className="sr-only">Rate this conversation from 1 (very poor) to 5 (excellent)</legend>
        {LABELS.map((label, index) => (
          <label key={label} className={rating === index + 1 ? 'star selected' : 'star'}>
            <input type="radio" name="csat" value={index + 1} checked={rating === index + 1} onChange={() => setRating(index + 1)} />
            <span aria-hidden="true">{index + 1}</span>
            <span className="sr-only">
              {index + 1} — {label}
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="csat-comment">Anything to add? (optional)</label>
      <input id="csat-comment" value={comment} maxLength={2000} onChange={(event) => setComment(event.target.value)} />
      <button type="submit" disabled={rating === undefined}>
        Send rating
      </button>
      {error && <ErrorPanel error={error} what="Your rating" />}
    </form>
  );
}
