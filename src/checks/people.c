/*
 * people.c - workforce checks over the HR roster (`person`) and the
 * training, background-check and policy-acknowledgement registers:
 * security training at hire and every year, a background check before
 * start, and acknowledgement of the current information security policy.
 * They apply to everyone on staff on the date, employees and contractors
 * alike (auditors sample both).  Rules: docs/checks/registers.md.
 */
#include <string.h>

#include "checks/check.h"
#include "checks/register_util.h"
#include "util/buf.h"
#include "util/text.h"

static const char *email_of(const struct fact *f)
{
	const char *e = fact_str(f, "email");

	return e ? e : f->key;
}

/* Whether an onboarding deadline falls in the audit period: deadlines
 * before the window's start are history the audit does not test. */
static bool in_window(const struct check_context *ctx, day_t deadline)
{
	return ctx->config->window_start == DAY_NONE || deadline >= ctx->config->window_start;
}

/* ---- people.training ------------------------------------------------------ */

struct training_span {
	const struct fact *first, *latest;
	day_t first_day, latest_day;
};

static void training_span(const struct fact_list *training, const char *email,
			  day_t as_of, struct training_span *s)
{
	memset(s, 0, sizeof(*s));
	s->first_day = s->latest_day = DAY_NONE;
	for (size_t i = 0; i < training->count; i++) {
		const struct fact *t = &training->items[i];
		day_t d = fact_day(t, "completed_at");

		if (d == DAY_NONE || d > as_of || !text_equal_nocase(email_of(t), email))
			continue;
		if (s->first_day == DAY_NONE || d < s->first_day) {
			s->first_day = d;
			s->first = t;
		}
		if (s->latest_day == DAY_NONE || d > s->latest_day) {
			s->latest_day = d;
			s->latest = t;
		}
	}
}

/* Fills `why` with what is wrong with one person's training ("" = fine). */
static int training_problems(const struct check_context *ctx, const struct fact *p,
			     const struct training_span *s, struct buf *why)
{
	int within = ctx->config->training_within_days;
	int every = ctx->config->training_interval_days;
	day_t start = fact_day(p, "start_date");
	char a[DATE_TEXT_SIZE], b[DATE_TEXT_SIZE];
	int rc = 0;

	buf_reset(why);
	if (s->first_day == DAY_NONE) {
		if (start == DAY_NONE)
			return buf_adds(why, "no security training recorded");
		if (ctx->as_of - start < within)
			return 0;  /* still within the onboarding period */
		reg_date(start, a);
		reg_date(start + within, b);
		return buf_printf(why, "started %s; no security training recorded (due by %s)",
				  a, b);
	}
	if (start != DAY_NONE && s->first_day - start > within &&
	    in_window(ctx, start + within)) {
		reg_date(start, a);
		reg_date(s->first_day, b);
		rc = buf_printf(why, "started %s; first security training %s, %d day%s after "
				"start (due within %d)", a, b, (int)(s->first_day - start),
				reg_s(s->first_day - start), within);
	}
	if (!rc && ctx->as_of - s->latest_day > every) {
		reg_date(s->latest_day, a);
		reg_date(s->latest_day + every, b);
		rc = buf_printf(why, "%slast security training %s, %d day%s ago (due again %s, "
				"every %d days)", why->len ? "; " : "", a,
				(int)(ctx->as_of - s->latest_day),
				reg_s(ctx->as_of - s->latest_day), b, every);
	}
	return rc;
}

static int run_training(struct check_context *ctx, struct error *err)
{
	const struct fact_list *training;
	struct fact_refs staff = {0};
	struct buf why = BUF_INIT;
	int rc;

	if ((rc = check_facts(ctx, "training", &training, err)) ||
	    (rc = reg_active_people(ctx, &staff, err)))
		goto done;
	for (size_t i = 0; i < staff.count; i++) {
		const struct fact *p = staff.items[i];
		struct training_span s;

		training_span(training, email_of(p), ctx->as_of, &s);
		if ((rc = training_problems(ctx, p, &s, &why)))
			break;
		if (why.len &&
		    (rc = check_report(ctx, email_of(p), "",
				       (const struct fact *const[]){p, s.first, s.latest}, 3,
				       "%s", buf_cstr(&why))))
			break;
	}
done:
	buf_release(&why);
	fact_refs_release(&staff);
	return rc;
}

/* ---- people.background-check ---------------------------------------------- */

static const struct fact *background_of(const struct fact_list *checks, const char *email)
{
	for (size_t i = 0; i < checks->count; i++)
		if (text_equal_nocase(email_of(&checks->items[i]), email))
			return &checks->items[i];
	return NULL;
}

static int background_one(struct check_context *ctx, const struct fact *p,
			  const struct fact *bc)
{
	const struct fact *ev[] = {p, bc};
	day_t start = fact_day(p, "start_date");
	day_t done = bc ? fact_day(bc, "completed_at") : DAY_NONE;
	char a[DATE_TEXT_SIZE], b[DATE_TEXT_SIZE];

	reg_date(start, a);
	if (!bc)
		return check_report(ctx, email_of(p), "", ev, 1,
				    "%s %s; no background check recorded",
				    start == DAY_NONE ? "start date" : "started", a);
	if (done == DAY_NONE || done > ctx->as_of)
		return check_report(ctx, email_of(p), "", ev, 2,
				    "%s %s; background check not completed (completed_at %s)",
				    start == DAY_NONE ? "start date" : "started", a,
				    done == DAY_NONE ? "is empty" : "is after the date checked");
	if (start == DAY_NONE || done <= start || !in_window(ctx, start))
		return 0;
	reg_date(done, b);
	return check_report(ctx, email_of(p), "", ev, 2,
			    "started %s; background check completed %s, %d day%s after start",
			    a, b, (int)(done - start), reg_s(done - start));
}

static int run_background(struct check_context *ctx, struct error *err)
{
	const struct fact_list *checks;
	struct fact_refs staff = {0};
	int rc;

	if ((rc = check_facts(ctx, "background_check", &checks, err)) ||
	    (rc = reg_active_people(ctx, &staff, err)))
		goto done;
	for (size_t i = 0; i < staff.count; i++) {
		const struct fact *p = staff.items[i];

		if ((rc = background_one(ctx, p, background_of(checks, email_of(p)))))
			break;
	}
done:
	fact_refs_release(&staff);
	return rc;
}

/* ---- people.policy-ack ---------------------------------------------------- */

/* Versions compare case-insensitively, a leading "v" ignored ("v2" = "2"). */
static bool same_version(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	if (*a == 'v' || *a == 'V')
		a++;
	if (*b == 'v' || *b == 'V')
		b++;
	return text_equal_nocase(a, b);
}

static bool names_policy(const struct fact *ack, const struct fact *policy)
{
	const char *name = fact_str(ack, "policy");

	return text_equal_nocase(name, fact_str(policy, "id")) ||
	       text_equal_nocase(name, policy->key) ||
	       text_equal_nocase(name, fact_str(policy, "title"));
}

/* The person's acknowledgement of the current version (`*current`), else
 * their latest acknowledgement of any version of the policy (`*latest`). */
static void find_acks(const struct fact_list *acks, const struct fact *policy,
		      const char *email, day_t as_of, const struct fact **current,
		      const struct fact **latest)
{
	*current = *latest = NULL;
	for (size_t i = 0; i < acks->count; i++) {
		const struct fact *a = &acks->items[i];
		day_t d = fact_day(a, "acknowledged_at");

		if (d == DAY_NONE || d > as_of || !text_equal_nocase(email_of(a), email) ||
		    !names_policy(a, policy))
			continue;
		if (same_version(fact_str(a, "version"), fact_str(policy, "version")))
			*current = a;
		else if (!*latest || d > fact_day(*latest, "acknowledged_at"))
			*latest = a;
	}
}

static int ack_one(struct check_context *ctx, const struct fact *p,
		   const struct fact *policy, const struct fact_list *acks)
{
	const struct fact *current, *latest;
	day_t start = fact_day(p, "start_date");
	day_t approved = fact_day(policy, "approved_at");
	day_t from = start;
	const char *pid = fact_str(policy, "id") ? fact_str(policy, "id") : policy->key;
	char a[DATE_TEXT_SIZE];

	/* Newcomers and a newly approved version get the onboarding period. */
	if (approved != DAY_NONE && approved <= ctx->as_of && (from == DAY_NONE || approved > from))
		from = approved;
	if (from != DAY_NONE && ctx->as_of - from < ctx->config->training_within_days)
		return 0;
	find_acks(acks, policy, email_of(p), ctx->as_of, &current, &latest);
	if (current)
		return 0;
	if (!latest)
		return check_report(ctx, email_of(p), "", (const struct fact *const[]){p, policy},
				    2, "has not acknowledged %s version %s; no acknowledgement "
				    "recorded", pid, fact_str(policy, "version"));
	reg_date(fact_day(latest, "acknowledged_at"), a);
	return check_report(ctx, email_of(p), "",
			    (const struct fact *const[]){p, policy, latest}, 3,
			    "has not acknowledged %s version %s; last acknowledged version "
			    "%s on %s", pid, fact_str(policy, "version"),
			    fact_str(latest, "version"), a);
}

static int run_policy_ack(struct check_context *ctx, struct error *err)
{
	const struct fact_list *acks, *policies;
	const struct fact *policy;
	struct fact_refs staff = {0};
	int rc;

	if ((rc = check_facts(ctx, "policy_ack", &acks, err)) ||
	    (rc = check_facts(ctx, "policy", &policies, err)))
		return rc;
	policy = reg_infosec_policy(policies);
	if (!policy)
		return check_report(ctx, "information security policy", "", NULL, 0,
				    "no information security policy found (a policy whose id "
				    "contains \"information-security\" or \"infosec\", or whose "
				    "title contains \"Information Security\"); acknowledgements "
				    "cannot be tested");
	if (reg_blank(fact_str(policy, "version")))
		return check_report(ctx, policy->key, "", &policy, 1,
				    "the information security policy has no version; "
				    "acknowledgements cannot be matched to it");
	if ((rc = reg_active_people(ctx, &staff, err)))
		goto done;
	for (size_t i = 0; i < staff.count; i++)
		if ((rc = ack_one(ctx, staff.items[i], policy, acks)))
			break;
done:
	fact_refs_release(&staff);
	return rc;
}

const struct check check_people_training = {
	.id = "people.training",
	.title = "Security awareness training at hire and every year",
	.controls = {"HR-04", "HR-05"},
	.criteria = {"CC1.4", "CC2.2"},
	.hipaa = {"164.308(a)(5)(i)", "164.308(a)(5)(ii)(B)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"hr.", "register.training"},
	.reads = "HR roster (start_date, end_date); training register (email, completed_at)",
	.fix = "Have the person complete the security awareness course and record it "
	       "(email, course, completed_at) in registers/training.csv.",
	.run = run_training,
};

const struct check check_people_background_check = {
	.id = "people.background-check",
	.title = "Background check completed before start",
	.controls = {"HR-01"},
	.criteria = {"CC1.4"},
	.hipaa = {"164.308(a)(3)(ii)(B)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"hr.", "register.background-checks"},
	.reads = "HR roster (start_date, end_date); background check register",
	.fix = "Complete the background check (or record the one done) with its date in "
	       "registers/background-checks.csv; checks go before the start date.",
	.run = run_background,
};

const struct check check_people_policy_ack = {
	.id = "people.policy-ack",
	.title = "Staff acknowledged the current information security policy",
	.controls = {"HR-07", "PL-03"},
	.criteria = {"CC1.1", "CC2.2", "CC5.3"},
	.hipaa = {"164.316(b)(1)"},
	.severity = SEVERITY_LOW,
	.requires = {"hr.", "register.policy-acks", "policy."},
	.reads = "HR roster; information security policy (id, version, approved_at); "
		 "policy acknowledgement register",
	.fix = "Have the person read and acknowledge the current version of the "
	       "information security policy and record it in registers/policy-acks.csv.",
	.run = run_policy_ack,
};
