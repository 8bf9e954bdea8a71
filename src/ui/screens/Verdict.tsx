/** A result in words and a symbol, never by colour alone, with the numbers behind it. */
export function Verdict({
  accepted,
  text,
  similarity,
  threshold,
}: {
  accepted: boolean;
  text: string;
  similarity: number | null;
  threshold: number;
}) {
  return (
    <div className="stack">
      <p
        className={`verdict ${accepted ? 'accepted' : 'rejected'}`}
        data-verdict={accepted ? 'accepted' : 'rejected'}
      >
        {accepted ? '✔' : '✖'} {text}
      </p>
      <p>
        Similarity {similarity === null ? '—' : similarity.toFixed(3)}; threshold{' '}
        {threshold.toFixed(3)}.
      </p>
    </div>
  );
}
