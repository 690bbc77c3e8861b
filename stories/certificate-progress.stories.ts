import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/badge-progress/define.js';
import '../src/components/certificate-progress/define.js';
import type { KalCertificateProgress } from '../src/components/certificate-progress/kal-certificate-progress.js';
import { post, sandbox } from './sandbox.js';
import { showCode } from './show-code.js';

// Storybook's preview configures the kit against the sandbox (partner 1001, the demo viewer, whose
// seeded certificates are: cert_attendance certified with 3.5 of 3 credits, cert_course in progress
// with 2 of 3, cert_cpe per entry with one session certified and one in progress). Stories that need
// a sandbox switch or change progress use a partner of their own (16xx), reset each time they load.

const SLOW_PARTNER = 1601;
const FORBIDDEN_PARTNER = 1602;
const FAILING_PARTNER = 1603;
const LIVE_PARTNER = 1604;

interface CertificateArgs {
  certificateId: string;
  live: boolean;
  refreshInterval: number;
  theme: 'auto' | 'light' | 'dark';
  partnerId?: number;
  gameUrl?: string;
}

const meta: Meta<CertificateArgs> = {
  title: 'Widgets/kal-certificate-progress',
  component: 'kal-certificate-progress',
  parameters: showCode,
  args: {
    certificateId: 'cert_course',
    live: false,
    refreshInterval: 30,
    theme: 'auto',
  },
  argTypes: {
    certificateId: { control: 'text', description: 'The certificate (sandbox: cert_course, cert_attendance, cert_cpe)' },
    live: { control: 'boolean', description: 'Refresh on a timer while visible' },
    refreshInterval: { control: { type: 'number', min: 5 }, description: 'Seconds between refreshes (at least 5)' },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    partnerId: { table: { disable: true } },
    gameUrl: { table: { disable: true } },
  },
  render: (args) => html`<kal-certificate-progress
    certificate-id=${ifDefined(args.certificateId || undefined)}
    ?live=${args.live}
    refresh-interval=${args.refreshInterval}
    theme=${args.theme}
    partner-id=${ifDefined(args.partnerId)}
    token-endpoint=${ifDefined(args.partnerId ? `/sandbox/ks?partnerId=${args.partnerId}&userId=viewer%40example.com` : undefined)}
    game-url=${ifDefined(args.gameUrl)}
  ></kal-certificate-progress>`,
};
export default meta;

type Story = StoryObj<CertificateArgs>;

/** A course certificate in progress: its description (HTML shown as text), credits against the threshold, the rule and its credit levels, the certificate page. */
export const Default: Story = {};

/** Certified: the date in the viewer's locale and a full bar (3.5 credits of 3). */
export const Certified: Story = { args: { certificateId: 'cert_attendance' } };

/** `perEntry`: one row per session, each certified on its own. */
export const PerEntry: Story = { name: 'Per entry', args: { certificateId: 'cert_cpe' } };

/**
 * An LMS course page: the course certificate beside the badges the course awards, both from Game
 * Services through the same Game proxy.
 */
export const LmsCourse: Story = {
  name: 'LMS course',
  render: (args, context) => html`<div class="lms-course">
    <style>
      .lms-course {
        display: grid;
        gap: 16px;
        max-inline-size: 48rem;
      }
      .lms-course > :is(h2, p) {
        margin: 0;
      }
    </style>
    <h2>Partner Developer Course</h2>
    <p>Watch every module to earn your certificate; badges mark the way.</p>
    ${meta.render!(args, context)}
    <kal-badge-progress badge-ids="badge_attendee,badge_marathon" layout="list" theme=${args.theme}></kal-badge-progress>
  </div>`,
};

/** While loading (the sandbox holds every answer for 2 minutes). */
export const Loading: Story = {
  args: { partnerId: SLOW_PARTNER },
  loaders: [() => sandbox(SLOW_PARTNER, { latencyMs: 120_000 })],
};

/** The session may not read the certificate (403): a clear message, and no retry that cannot help. */
export const ErrorForbidden: Story = {
  name: 'Error (forbidden)',
  args: { partnerId: FORBIDDEN_PARTNER },
  loaders: [() => sandbox(FORBIDDEN_PARTNER, { fail: { status: 403, count: -1, match: 'certificate/get' } })],
};

/** The service keeps failing (500, after three retries): the retry action works once it recovers. */
export const ErrorServer: Story = {
  name: 'Error (server)',
  args: { partnerId: FAILING_PARTNER },
  loaders: [() => sandbox(FAILING_PARTNER, { fail: { status: 500, count: 4, match: 'userCertificateReport/list' } })],
};

/** A certificate the service does not know: "not found", naming the id. */
export const NotFound: Story = { name: 'Error (not found)', args: { certificateId: 'cert_retired' } };

/** No `certificate-id`: a setup error, no retry. */
export const ConfigError: Story = { name: 'Error (configuration)', args: { certificateId: '' } };

/**
 * Live: press the button to earn the last credit in the sandbox; the widget refreshes (`refresh()`),
 * fires `kal-certified`, announces the certificate and celebrates (unless reduced motion is preferred).
 * This story reads Game Services straight from the sandbox (its `lenientGameUserKs` switch), where the
 * report is read afresh each time. Through `createGameProxy` the report is a reading kept for
 * `reportCacheMs` (30 s by default): the certification shows at the first refresh after it.
 */
export const LiveCertification: Story = {
  args: { partnerId: LIVE_PARTNER, gameUrl: '/sandbox/scm/api/v1', live: true, refreshInterval: 10 },
  loaders: [() => sandbox(LIVE_PARTNER, { lenientGameUserKs: true })],
  render: (args, context) => {
    const earn = async (event: Event) => {
      const element = (event.target as HTMLElement).parentElement?.querySelector<KalCertificateProgress>('kal-certificate-progress');
      await post('/sandbox/control/progress', { partnerId: LIVE_PARTNER, userId: 'viewer@example.com', certificateId: 'cert_course', credits: 3 });
      await element?.refresh();
    };
    return html`<div>
      <button type="button" @click=${earn}>Finish the last module</button>
      ${meta.render!(args, context)}
    </div>`;
  },
};

/** The dark theme, per entry. */
export const Dark: Story = { args: { theme: 'dark', certificateId: 'cert_cpe' } };

/** Right to left (Hebrew): bars fill from the right. */
export const RightToLeft: Story = {
  render: (args, context) => html`<div lang="he" dir="rtl">${meta.render!(args, context)}</div>`,
};
