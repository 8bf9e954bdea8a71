/** First run: what is stored, where, and how to erase it, before anything is captured. */
export function ConsentScreen({ onAgree }: { onAgree: () => void }) {
  return (
    <section aria-labelledby="consent-title" className="stack">
      <h2 id="consent-title">Before you start</h2>
      <p>
        Facegate recognises faces using the camera or a photo you choose. Here is what it does with
        them:
      </p>
      <ul>
        <li>
          It keeps <strong>numbers derived from a face</strong> (a face “template”), never a photo
          or a video frame.
        </li>
        <li>
          Everything stays <strong>in this browser, on this device</strong>, encrypted. Nothing is
          sent anywhere.
        </li>
        <li>
          You can delete one person, or <strong>erase everything</strong>, at any time under
          “Manage”. Clearing this site’s data in the browser erases it too.
        </li>
        <li>Enrol only people who have agreed to it.</li>
      </ul>
      <button type="button" className="primary" onClick={onAgree}>
        I understand and agree
      </button>
    </section>
  );
}
