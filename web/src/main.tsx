// Entry point of the accord web UI: mounts the router, session provider and styles.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App.tsx";
import { SessionProvider } from "./session.tsx";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/forms.css";
import "./styles/tables.css";
import "./styles/components.css";
import "./styles/surveys.css";
import "./styles/accounts.css";

const root = document.getElementById("root");
if (!root) throw new Error("accord: #root element missing from index.html");

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
