// Page frame: skip link, header (product name, user, Partnerships, Programmes, Account, Sign out), main and footer.
import { useEffect, useRef, useState } from "react";
import { Link, Outlet, useLocation, useNavigate, useNavigationType } from "react-router";
import { api } from "../api/api.ts";
import { useSession } from "../session.tsx";

function SkipLink() {
  return (
    <a
      href="#main-content"
      className="skip-link"
      onClick={(e) => {
        const main = document.getElementById("main-content");
        if (!main) return;
        e.preventDefault();
        main.focus();
      }}
    >
      Skip to main content
    </a>
  );
}

function Header() {
  const { user, signOut: endSession } = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    try {
      await api.signOut();
    } catch {
      // Even if the server call fails, leave the UI signed out.
    }
    setSigningOut(false);
    endSession();
    navigate("/sign-in");
  }

  return (
    <header className="header">
      <div className="header__inner container">
        <Link to="/" className="header__product">
          accord
        </Link>
        {user ? (
          <nav className="header__nav" aria-label="Main">
            <span className="header__user">
              <span className="visually-hidden">Signed in as </span>
              {user.name}
            </span>
            <Link to="/" className="header__link">
              Partnerships
            </Link>
            <Link to="/programmes" className="header__link">
              Programmes
            </Link>
            <Link to="/account" className="header__link">
              Account
            </Link>
            <button
              type="button"
              className="header__link header__button"
              onClick={() => void signOut()}
              disabled={signingOut}
            >
              Sign out
            </button>
          </nav>
        ) : null}
      </div>
    </header>
  );
}

export function Layout() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a link or form takes the user to another page, move focus to the new page's content (as a
  // full page load would). Redirects (replace) leave focus alone, so the skip link stays first.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigationType === "REPLACE") return;
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname, navigationType]);

  return (
    <>
      <SkipLink />
      <Header />
      <div className="container">
        <main id="main-content" className="main" tabIndex={-1} ref={main}>
          <Outlet />
        </main>
      </div>
      <footer className="footer">
        <div className="container">
          <p>accord – measure trust between partner organisations and build it into how you work.</p>
        </div>
      </footer>
    </>
  );
}
