import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AdaptiveLayout, PublicLayout } from '../layout/PublicLayout';
import { WorkspaceLayout } from '../layout/WorkspaceLayout';
import { ForgotPasswordPage } from '../modules/auth/ForgotPasswordPage';
import { RequireAuth, RequirePermission } from '../modules/auth/RequireAuth';
import { ResetPasswordPage } from '../modules/auth/ResetPasswordPage';
import { SignInPage } from '../modules/auth/SignInPage';
import { AuditPage } from '../modules/beheer/audit/AuditPage';
import { BeheerIndexPage } from '../modules/beheer/BeheerIndexPage';
import { BeheerLayout } from '../modules/beheer/BeheerLayout';
import { ChannelAccountsPage } from '../modules/beheer/channels/ChannelAccountsPage';
import { EditChannelAccountPage } from '../modules/beheer/channels/EditChannelAccountPage';
import { NewChannelAccountPage } from '../modules/beheer/channels/NewChannelAccountPage';
import { JobsPage } from '../modules/beheer/jobs/JobsPage';
import { EditArticlePage } from '../modules/beheer/knowledge/EditArticlePage';
import { KnowledgeArticlesPage } from '../modules/beheer/knowledge/KnowledgeArticlesPage';
import { NewArticlePage } from '../modules/beheer/knowledge/NewArticlePage';
import { ReplyTemplatesPage } from '../modules/beheer/knowledge/ReplyTemplatesPage';
import { ToneCodePage } from '../modules/beheer/knowledge/ToneCodePage';
import { EditMeldingCategoryPage } from '../modules/beheer/melding-categories/EditMeldingCategoryPage';
import { MeldingCategoriesPage } from '../modules/beheer/melding-categories/MeldingCategoriesPage';
import { NewMeldingCategoryPage } from '../modules/beheer/melding-categories/NewMeldingCategoryPage';
import { MunicipalitiesPage } from '../modules/beheer/municipalities/MunicipalitiesPage';
import { HandoffPartnersPage } from '../modules/beheer/partners/HandoffPartnersPage';
import { RoutingRulesPage } from '../modules/beheer/routing/RoutingRulesPage';
import { SignInSettingsPage } from '../modules/beheer/sign-in/SignInSettingsPage';
import { StandardTextsPage } from '../modules/beheer/standard-texts/StandardTextsPage';
import { EditTeamPage } from '../modules/beheer/teams/EditTeamPage';
import { NewTeamPage } from '../modules/beheer/teams/NewTeamPage';
import { TeamsPage } from '../modules/beheer/teams/TeamsPage';
import { TokensPage } from '../modules/beheer/tokens/TokensPage';
import { EditUserPage } from '../modules/beheer/users/EditUserPage';
import { NewUserPage } from '../modules/beheer/users/NewUserPage';
import { UsersPage } from '../modules/beheer/users/UsersPage';
import { ContactFormPage } from '../modules/contact/ContactFormPage';
import { CrisisPage } from '../modules/crisis/CrisisPage';
import { AggressionRegisterPage } from '../modules/inbox/abuse/AggressionRegisterPage';
import { ConversationPage } from '../modules/inbox/ConversationPage';
import { InboxPage } from '../modules/inbox/InboxPage';
import { PhoneCallPage } from '../modules/inbox/PhoneCallPage';
import { InzichtPage } from '../modules/inzicht/InzichtPage';
import { SatisfactionFiguresPage } from '../modules/inzicht/SatisfactionFiguresPage';
import { JaarverslagPage } from '../modules/klachten/JaarverslagPage';
import { KlachtDetailPage } from '../modules/klachten/KlachtDetailPage';
import { KlachtenPage } from '../modules/klachten/KlachtenPage';
import { NewKlachtPage } from '../modules/klachten/NewKlachtPage';
import { AnalysesPage } from '../modules/luisteren/AnalysesPage';
import { AnalysisPage } from '../modules/luisteren/AnalysisPage';
import { ItemPage } from '../modules/luisteren/ItemPage';
import { ListsPage } from '../modules/luisteren/ListsPage';
import { LuisterenLayout } from '../modules/luisteren/LuisterenLayout';
import { EditMonitorPage, NewMonitorPage } from '../modules/luisteren/MonitorEditorPage';
import { MonitorsPage } from '../modules/luisteren/MonitorsPage';
import { RumoursPage } from '../modules/luisteren/RumoursPage';
import { SignalenPage } from '../modules/luisteren/SignalenPage';
import { MeldenPage } from '../modules/melden/MeldenPage';
import { MeldingStatusPage } from '../modules/melden/MeldingStatusPage';
import { MeldingDetailPage } from '../modules/meldingen/MeldingDetailPage';
import { MeldingenPage } from '../modules/meldingen/MeldingenPage';
import { NewMeldingPage } from '../modules/meldingen/NewMeldingPage';
import { NotFoundPage } from '../modules/not-found/NotFoundPage';
import { PartnerHandoffPage } from '../modules/overdracht/PartnerHandoffPage';
import { ParticipatiePage } from '../modules/participatie/ParticipatiePage';
import { TevredenheidPage } from '../modules/tevredenheid/TevredenheidPage';
import { WebcareTevredenheidPage } from '../modules/tevredenheid/WebcareTevredenheidPage';
import { AccessibilityStatementPage } from '../modules/toegankelijkheid/AccessibilityStatementPage';
import { NewPublicationPage } from '../modules/zenden/NewPublicationPage';
import { PublicationPage } from '../modules/zenden/PublicationPage';
import { ZendenAccountsPage } from '../modules/zenden/ZendenAccountsPage';
import { ZendenPage } from '../modules/zenden/ZendenPage';

// The pages with recharts load on first use, so the chart library does not weigh on every other page.
const LuisterenPage = lazy(() => import('../modules/luisteren/LuisterenPage').then((module) => ({ default: module.LuisterenPage })));
const RumourPage = lazy(() => import('../modules/luisteren/RumourPage').then((module) => ({ default: module.RumourPage })));
const BetrouwbaarheidPage = lazy(() => import('../modules/luisteren/BetrouwbaarheidPage').then((module) => ({ default: module.BetrouwbaarheidPage })));
const NetworkPage = lazy(() => import('../modules/luisteren/NetworkPage').then((module) => ({ default: module.NetworkPage })));
const AuthorPage = lazy(() => import('../modules/luisteren/AuthorPage').then((module) => ({ default: module.AuthorPage })));

// Dutch paths: they are what people see, bookmark and read aloud.
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/inloggen" element={<SignInPage />} />
        <Route path="/wachtwoord-vergeten" element={<ForgotPasswordPage />} />
        <Route path="/wachtwoord-herstellen" element={<ResetPasswordPage />} />
        {/* For residents: no account needed. */}
        <Route path="/contact/:slug/:cbsCode" element={<ContactFormPage />} />
        <Route path="/melden/:slug/:cbsCode" element={<MeldenPage />} />
        <Route path="/melding/:slug/:token" element={<MeldingStatusPage />} />
        <Route path="/tevredenheid/:slug/:token" element={<TevredenheidPage />} />
        <Route path="/tevreden/:slug/:token" element={<WebcareTevredenheidPage />} />
        <Route path="/overdracht/:slug/:token" element={<PartnerHandoffPage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route element={<WorkspaceLayout />}>
          <Route index element={<Navigate to="/luisteren" replace />} />
          <Route path="/luisteren" element={<LuisterenLayout />}>
            <Route index element={<LuisterenPage />} />
            <Route path="berichten/:messageId" element={<ItemPage />} />
            <Route path="monitors" element={<MonitorsPage />} />
            <Route element={<RequirePermission permission="listening.manage" />}>
              <Route path="monitors/nieuw" element={<NewMonitorPage />} />
              <Route path="monitors/:id" element={<EditMonitorPage />} />
            </Route>
            <Route path="signalen" element={<SignalenPage />} />
            <Route path="betrouwbaarheid" element={<BetrouwbaarheidPage />} />
            <Route path="lijsten" element={<ListsPage />} />
            <Route path="analyses" element={<AnalysesPage />} />
            <Route path="analyses/:id" element={<AnalysisPage />} />
            <Route path="geruchten" element={<RumoursPage />} />
            <Route path="geruchten/:id" element={<RumourPage />} />
            <Route path="netwerk" element={<NetworkPage />} />
            <Route path="auteurs/:handle" element={<AuthorPage />} />
          </Route>
          <Route element={<RequirePermission permission="inbox.read" />}>
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/inbox/:id" element={<ConversationPage />} />
          </Route>
          <Route element={<RequirePermission permission="messages.log" />}>
            <Route path="/inbox/telefoongesprek" element={<PhoneCallPage />} />
          </Route>
          <Route element={<RequirePermission permission="aggression.read" />}>
            <Route path="/inbox/agressieregister" element={<AggressionRegisterPage />} />
          </Route>
          <Route path="/meldingen" element={<MeldingenPage />} />
          <Route element={<RequirePermission permission="meldingen.manage" />}>
            <Route path="/meldingen/nieuw" element={<NewMeldingPage />} />
          </Route>
          <Route path="/meldingen/:id" element={<MeldingDetailPage />} />
          <Route path="/klachten" element={<KlachtenPage />} />
          <Route element={<RequirePermission permission="klachten.manage" />}>
            <Route path="/klachten/nieuw" element={<NewKlachtPage />} />
          </Route>
          <Route element={<RequirePermission permission="klachten.report" />}>
            <Route path="/klachten/jaarverslag" element={<JaarverslagPage />} />
          </Route>
          <Route element={<RequirePermission permission="klachten.read" />}>
            <Route path="/klachten/:id" element={<KlachtDetailPage />} />
          </Route>
          <Route element={<RequirePermission permission="publications.read" />}>
            <Route path="/zenden" element={<ZendenPage />} />
          </Route>
          <Route element={<RequirePermission permission="publications.manage" />}>
            <Route path="/zenden/nieuw" element={<NewPublicationPage />} />
          </Route>
          <Route element={<RequirePermission permission="publications.read" />}>
            <Route path="/zenden/accounts" element={<ZendenAccountsPage />} />
            <Route path="/zenden/:id" element={<PublicationPage />} />
          </Route>
          <Route path="/participatie" element={<ParticipatiePage />} />
          <Route path="/inzicht" element={<InzichtPage />} />
          <Route element={<RequirePermission permission="inbox.read" />}>
            <Route path="/inzicht/tevredenheid" element={<SatisfactionFiguresPage />} />
          </Route>
          <Route path="/crisis" element={<CrisisPage />} />
          <Route path="/profiel/tokens" element={<TokensPage />} />
          <Route path="/beheer" element={<BeheerLayout />}>
            <Route index element={<BeheerIndexPage />} />
            <Route element={<RequirePermission permission="users.manage" />}>
              <Route path="gebruikers" element={<UsersPage />} />
              <Route path="gebruikers/nieuw" element={<NewUserPage />} />
              <Route path="gebruikers/:id" element={<EditUserPage />} />
            </Route>
            <Route element={<RequirePermission permission="teams.manage" />}>
              <Route path="teams" element={<TeamsPage />} />
              <Route path="teams/nieuw" element={<NewTeamPage />} />
              <Route path="teams/:id" element={<EditTeamPage />} />
            </Route>
            <Route element={<RequirePermission permission="channels.read" />}>
              <Route path="kanalen" element={<ChannelAccountsPage />} />
              <Route path="kanalen/:id" element={<EditChannelAccountPage />} />
            </Route>
            <Route element={<RequirePermission permission="channels.manage" />}>
              <Route path="kanalen/nieuw" element={<NewChannelAccountPage />} />
            </Route>
            <Route element={<RequirePermission permission="meldingen.categories" />}>
              <Route path="meldingen" element={<MeldingCategoriesPage />} />
              <Route path="meldingen/nieuw" element={<NewMeldingCategoryPage />} />
              <Route path="meldingen/:id" element={<EditMeldingCategoryPage />} />
              <Route path="standaardteksten" element={<StandardTextsPage />} />
            </Route>
            <Route element={<RequirePermission permission="knowledge.manage" />}>
              <Route path="kennisbank" element={<KnowledgeArticlesPage />} />
              <Route path="kennisbank/nieuw" element={<NewArticlePage />} />
              <Route path="kennisbank/webcareteksten" element={<ReplyTemplatesPage />} />
              <Route path="kennisbank/toonkader" element={<ToneCodePage />} />
              <Route path="kennisbank/:id" element={<EditArticlePage />} />
            </Route>
            <Route element={<RequirePermission permission="routing.manage" />}>
              <Route path="verdeelregels" element={<RoutingRulesPage />} />
            </Route>
            <Route element={<RequirePermission permission="handoff.partners" />}>
              <Route path="partners" element={<HandoffPartnersPage />} />
            </Route>
            <Route element={<RequirePermission permission="organisation.manage" />}>
              <Route path="gemeenten" element={<MunicipalitiesPage />} />
              <Route path="inloggen" element={<SignInSettingsPage />} />
            </Route>
            <Route element={<RequirePermission permission="audit.read" />}>
              <Route path="audit" element={<AuditPage />} />
            </Route>
            <Route element={<RequirePermission permission="jobs.read" />}>
              <Route path="taken" element={<JobsPage />} />
            </Route>
          </Route>
        </Route>
      </Route>
      <Route element={<AdaptiveLayout />}>
        <Route path="/toegankelijkheid" element={<AccessibilityStatementPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
