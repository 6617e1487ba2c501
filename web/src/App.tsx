// Client routes and the guards that send people to first-run setup or sign-in (respondent links need neither; invitations and password resets need no sign-in).
import { lazy, Suspense } from "react";
import { Navigate, Outlet, Route, Routes, useLocation } from "react-router";
import { ErrorPanel, Loading } from "./components/Feedback.tsx";
import { Layout } from "./components/Layout.tsx";
import { useSession } from "./session.tsx";
import { AccountPage } from "./pages/AccountPage.tsx";
import { AuditPage } from "./pages/AuditPage.tsx";
import { ForgotPasswordPage } from "./pages/ForgotPasswordPage.tsx";
import { HomePage } from "./pages/HomePage.tsx";
import { InvitePage } from "./pages/InvitePage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { OrganisationsPage } from "./pages/OrganisationsPage.tsx";
import { PartnershipLayout } from "./pages/PartnershipLayout.tsx";
import { PartnershipOverviewPage } from "./pages/PartnershipOverviewPage.tsx";
import { PeoplePage } from "./pages/PeoplePage.tsx";
import { PartnershipProgrammesPage } from "./programmes/PartnershipProgrammesPage.tsx";
import { ProgrammesPage } from "./programmes/ProgrammesPage.tsx";
import { ActivityPage } from "./registers/ActivityPage.tsx";
import { AttentionPage } from "./registers/AttentionPage.tsx";
import { EntryPage } from "./registers/EntryPage.tsx";
import { RegisterPage } from "./registers/RegisterPage.tsx";
import { RegistersIndexPage } from "./registers/RegistersIndexPage.tsx";
import { RegistersLayout } from "./registers/RegistersLayout.tsx";
import { ResetPasswordPage } from "./pages/ResetPasswordPage.tsx";
import { RespondCheckPage } from "./pages/RespondCheckPage.tsx";
import { RespondDonePage } from "./pages/RespondDonePage.tsx";
import { RespondLayout } from "./pages/RespondLayout.tsx";
import { RespondSectionPage } from "./pages/RespondSectionPage.tsx";
import { RespondStartPage } from "./pages/RespondStartPage.tsx";
import { RespondRatingsPage } from "./network/RespondRatingsPage.tsx";
import { SetupPage } from "./pages/SetupPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { WavePage } from "./pages/WavePage.tsx";
import { WavesPage } from "./pages/WavesPage.tsx";

// The results page brings the charting library; respondents and most pages never load it.
const ResultsPage = lazy(() => import("./pages/ResultsPage.tsx").then((m) => ({ default: m.ResultsPage })));

function Results() {
  return (
    <Suspense fallback={<Loading what="Loading the results" />}>
      <ResultsPage />
    </Suspense>
  );
}

// The network pages bring the drawing; they load only when opened.
const NetworkPage = lazy(() => import("./network/NetworkPage.tsx").then((m) => ({ default: m.NetworkPage })));
const OrganisationProfilePage = lazy(() => import("./network/OrganisationProfilePage.tsx").then((m) => ({ default: m.OrganisationProfilePage })));

// The health pages bring the charting library too; they load only when opened.
const HealthPage = lazy(() => import("./health/HealthPage.tsx").then((m) => ({ default: m.HealthPage })));
const OrganisationHealthPage = lazy(() => import("./health/OrganisationHealthPage.tsx").then((m) => ({ default: m.OrganisationHealthPage })));

// A programme's page brings the charting library too.
const ProgrammePage = lazy(() => import("./programmes/ProgrammePage.tsx").then((m) => ({ default: m.ProgrammePage })));

function Programme() {
  return (
    <Suspense fallback={<Loading what="Loading the programme" />}>
      <ProgrammePage />
    </Suspense>
  );
}

function Health({ organisation = false }: { organisation?: boolean }) {
  return <Suspense fallback={<Loading what="Loading partnership health" />}>{organisation ? <OrganisationHealthPage /> : <HealthPage />}</Suspense>;
}

function Network({ profile = false }: { profile?: boolean }) {
  return <Suspense fallback={<Loading what="Loading the trust network" />}>{profile ? <OrganisationProfilePage /> : <NetworkPage />}</Suspense>;
}

/** Waits for the session probe; sends everyone to /setup while accord has no first user. */
function SessionGate() {
  const { state, reload } = useSession();
  const location = useLocation();
  if (state.status === "loading") return <Loading what="Loading accord" />;
  if (state.status === "error") {
    return (
      <>
        <h1 className="heading-l">accord is not available</h1>
        <ErrorPanel error={new Error(state.message)} onRetry={reload} />
      </>
    );
  }
  if (state.setupNeeded && location.pathname !== "/setup") return <Navigate to="/setup" replace />;
  return <Outlet />;
}

/** Pages that need a signed-in user; others go to /sign-in and come back afterwards. */
function RequireUser() {
  const { user, signedOut } = useSession();
  const location = useLocation();
  // After a deliberate sign-out the page being left is not where the next person to sign in wants to go.
  if (user === null && signedOut) return <Navigate to="/sign-in" replace />;
  if (user === null) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        {/* A respondent answers from a personal link: no account, no setup or sign-in redirect. */}
        <Route path="/respond/:linkToken" element={<RespondLayout />}>
          <Route index element={<RespondStartPage />} />
          <Route path="section/:number" element={<RespondSectionPage />} />
          <Route path="organisations" element={<RespondRatingsPage />} />
          <Route path="check" element={<RespondCheckPage />} />
          <Route path="done" element={<RespondDonePage />} />
        </Route>
        <Route element={<SessionGate />}>
          <Route path="/setup" element={<SetupPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
          <Route element={<RequireUser />}>
            <Route index element={<HomePage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/programmes" element={<ProgrammesPage />} />
            <Route path="/programmes/:programmeId" element={<Programme />} />
            <Route path="/partnerships/:partnershipId" element={<PartnershipLayout />}>
              <Route index element={<PartnershipOverviewPage />} />
              <Route path="organisations" element={<OrganisationsPage />} />
              <Route path="people" element={<PeoplePage />} />
              <Route path="waves" element={<WavesPage />} />
              <Route path="waves/:waveId" element={<WavePage />} />
              <Route path="waves/:waveId/results" element={<Results />} />
              <Route path="waves/:waveId/network" element={<Network />} />
              <Route path="waves/:waveId/network/organisations/:organisationId" element={<Network profile />} />
              <Route path="registers" element={<RegistersLayout />}>
                <Route index element={<RegistersIndexPage />} />
                <Route path="attention" element={<AttentionPage />} />
                <Route path="activity" element={<ActivityPage />} />
                <Route path=":key" element={<RegisterPage />} />
                <Route path=":key/:entryId" element={<EntryPage />} />
              </Route>
              <Route path="health" element={<Health />} />
              <Route path="health/organisations/:organisationId" element={<Health organisation />} />
              <Route path="programmes" element={<PartnershipProgrammesPage />} />
              <Route path="audit" element={<AuditPage />} />
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
