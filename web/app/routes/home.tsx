import { Link } from '../../components/links.js';

export default function HomeRoute() {
  return (
    <section className="page home" aria-labelledby="home-title">
      <header className="page-header">
        <p className="eyebrow">Flowie Exchange</p>
        <h1 id="home-title">Let AI agents work with your invoices, on your terms</h1>
        <p className="lead">
          An agent that wants to send or read Peppol documents for you has to ask first. You see exactly what it asks
          for, untick what it does not need, and approve or deny. Only then does it get a key, limited to what you
          approved and revocable at any moment.
        </p>
      </header>
      <ol className="steps">
        <li>
          <h2>The agent asks</h2>
          <p>It starts a consent request and gives you a link to this site.</p>
        </li>
        <li>
          <h2>You decide</h2>
          <p>You review the scopes it wants, keep only the ones it needs, and approve or deny.</p>
        </li>
        <li>
          <h2>It gets a limited key</h2>
          <p>The key can do only what you approved. Revoke it whenever you like.</p>
        </li>
      </ol>
      <div className="link-cards">
        <Link className="link-card" to="/scopes">
          <strong>Scope catalogue</strong>
          <span>Every permission an agent can ask for, with ready-made requests for developers.</span>
        </Link>
        <Link className="link-card" to="/keys">
          <strong>Your keys</strong>
          <span>See which agents hold a key, what it allows, and revoke it.</span>
        </Link>
        <Link className="link-card" to="/activity">
          <strong>Activity</strong>
          <span>Every request you answered and what happened since.</span>
        </Link>
      </div>
    </section>
  );
}
