// Shown for any address that matches no page.
import { Link } from "react-router";
import { useTitle } from "../hooks.ts";
import { useSession } from "../session.tsx";

export function NotFoundPage() {
  useTitle("Page not found");
  const { user } = useSession();
  return (
    <>
      <h1 className="heading-l">Page not found</h1>
      <p className="body">If you typed the web address, check it is correct.</p>
      <p className="body">If you pasted the web address, check you copied the entire address.</p>
      <p className="body">
        {user ? <Link to="/">Go to your partnerships</Link> : <Link to="/sign-in">Sign in to accord</Link>}
      </p>
    </>
  );
}
