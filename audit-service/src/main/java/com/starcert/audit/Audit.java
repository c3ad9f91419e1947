package com.starcert.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.audit.attachments.Attachment;
import com.starcert.audit.correction.CorrectiveAction;
import com.starcert.audit.correction.CorrectiveActions;
import com.starcert.audit.correction.Evidence;
import com.starcert.audit.decision.Decision;
import com.starcert.audit.findings.FindingNote;
import com.starcert.audit.findings.FindingsUpdate;
import com.starcert.audit.planning.AuditTeam;
import com.starcert.audit.planning.Enlargement;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.audit.planning.SeedChoice;
import com.starcert.audit.programme.ProgrammeStep;
import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.CorrectiveActionsVerified;
import com.starcert.contracts.Holder;
import com.starcert.contracts.SchemeRef;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * An audit (审核) of one enterprise: its pinned scheme, its site plan, the findings captured site by site, and
 * what scoring and certification made of it, its team, evidence files and corrective actions (整改). The document
 * is its own outbox: AuditSubmitted and CorrectiveActionsVerified are written in the same save as the change they
 * report.
 */
@Document(Audit.COLLECTION)
@CompoundIndex(name = "enterprise_newest_first", def = "{'enterpriseId': 1, 'createdAt': -1}")
public class Audit implements OutboxAggregate {

    /** The collection audits are stored in. */
    public static final String COLLECTION = "audits";

    @Id
    private String id;
    /** Optimistic lock for HTTP read-modify-write; event-driven updates increment it too. */
    @Version
    private Long version;
    private String enterpriseId;
    private Holder holder;
    private AuditType type;
    private AuditStatus status;
    private int revision;
    private SchemeRef scheme;
    private int sampleBase;
    private int sampleSize;
    private long randomSeed;
    /** Set when the CB chose the seed (with its reason); null when the server drew it. */
    private SeedChoice seedChoice;
    private boolean samplingAppropriate;
    private boolean outstanding;
    private BigDecimal minimumAuditDays;
    private Enlargement enlargement;
    private List<PlannedSite> sites = new ArrayList<>();
    private List<Finding> findings = new ArrayList<>();
    private List<Exclusion> exclusions = new ArrayList<>();
    private List<SpecialDeduction> specialDeductions = new ArrayList<>();
    private Bonus bonus;
    private BigDecimal score;
    private Band band;
    private String certificateNumber;
    private Decision decision;
    private List<TimelineEntry> timeline = new ArrayList<>();
    private AuditTeam team;
    /** Which audit of the certification programme this is, and in which cycle (null before any certificate). */
    private ProgrammeStep programmeStep;
    private String cycleId;
    private List<FindingNote> findingNotes = new ArrayList<>();
    private List<Attachment> attachments = new ArrayList<>();
    private List<CorrectiveAction> correctiveActions = new ArrayList<>();
    /** The revision whose corrective actions were reported verified (CorrectiveActionsVerified goes out once). */
    private Integer correctiveActionsVerifiedRevision;
    private Instant correctiveActionsVerifiedAt;
    private String correlationId;
    private Instant createdAt;
    private List<OutboxMessage> outbox = new ArrayList<>();
    /** Events queued since this audit was read: the save appends these and never rewrites the stored outbox. */
    @org.springframework.data.annotation.Transient
    private List<OutboxMessage> enqueued = new ArrayList<>();

    protected Audit() {
        // for the mapping layer
    }

    /** A new audit in status PLANNED, revision 0. */
    public static Audit planned(String id, String enterpriseId, Holder holder, AuditType type, SchemeRef scheme,
                                int sampleBase, int sampleSize, long randomSeed, SeedChoice seedChoice,
                                boolean samplingAppropriate, boolean outstanding, BigDecimal minimumAuditDays,
                                Enlargement enlargement, List<PlannedSite> sites, String correlationId, Instant at,
                                Who by) {
        Audit audit = new Audit();
        audit.id = id;
        audit.enterpriseId = enterpriseId;
        audit.holder = holder;
        audit.type = type;
        audit.status = AuditStatus.PLANNED;
        audit.revision = 0;
        audit.scheme = scheme;
        audit.sampleBase = sampleBase;
        audit.sampleSize = sampleSize;
        audit.randomSeed = randomSeed;
        audit.seedChoice = seedChoice;
        audit.samplingAppropriate = samplingAppropriate;
        audit.outstanding = outstanding;
        audit.minimumAuditDays = minimumAuditDays;
        audit.enlargement = enlargement;
        audit.sites = new ArrayList<>(sites);
        audit.correlationId = correlationId;
        audit.createdAt = at;
        audit.timeline.add(new TimelineEntry(AuditStatus.PLANNED, at, by));
        return audit;
    }

    /**
     * Merges findings by (site, indicator), a later one replacing the earlier; exclusions, special deductions and
     * the bonus replace the stored ones only when given (the bonus is removed when cleared). The first findings
     * start the audit.
     */
    public void record(FindingsUpdate update, Instant at, Who by) {
        requireOpen();
        Map<String, Finding> merged = new LinkedHashMap<>();
        for (Finding f : findings) {
            merged.put(f.siteId() + "|" + f.indicator(), f);
        }
        for (Finding f : update.findings()) {
            merged.put(f.siteId() + "|" + f.indicator(), f);
        }
        findings = new ArrayList<>(merged.values());
        Map<String, FindingNote> notes = new LinkedHashMap<>();
        for (FindingNote n : findingNotes) {
            notes.put(n.siteId() + "|" + n.indicator(), n);
        }
        for (FindingNote n : update.notes()) {
            notes.put(n.siteId() + "|" + n.indicator(), n);
        }
        findingNotes = new ArrayList<>(notes.values());
        if (update.exclusions() != null) {
            exclusions = new ArrayList<>(update.exclusions());
        }
        if (update.specialDeductions() != null) {
            specialDeductions = new ArrayList<>(update.specialDeductions());
        }
        if (update.clearBonus()) {
            bonus = null;
        } else if (update.bonus() != null) {
            bonus = update.bonus();
        }
        if (status == AuditStatus.PLANNED) {
            status = AuditStatus.IN_PROGRESS;
            timeline.add(new TimelineEntry(AuditStatus.IN_PROGRESS, at, by));
        }
    }

    /**
     * Submits the findings for scoring as the next revision: the status change, the corrective actions its special
     * deductions open and the event go out together, the caller appending the event to the outbox before the one
     * save.
     *
     * @param correctiveActionsDue due date of the corrective actions opened now
     */
    public AuditSubmitted submit(Holder currentHolder, Instant at, Who by, LocalDate correctiveActionsDue) {
        requireOpen();
        revision++;
        status = AuditStatus.SUBMITTED;
        holder = currentHolder;
        timeline.add(new TimelineEntry(AuditStatus.SUBMITTED, at, by, "revision " + revision));
        correctiveActions = new ArrayList<>(CorrectiveActions.onSubmit(correctiveActions, specialDeductions,
                revision, correctiveActionsDue, at));
        return new AuditSubmitted(id, revision, enterpriseId, holder, type, scheme,
                sites.stream().map(PlannedSite::audited).toList(), List.copyOf(findings), List.copyOf(exclusions),
                List.copyOf(specialDeductions), bonus, outstanding, at);
    }

    /** Submission with corrective actions due 30 days after it. */
    public AuditSubmitted submit(Holder currentHolder, Instant at, Who by) {
        return submit(currentHolder, at, by, at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(30));
    }

    /**
     * The CB returns a submitted, scored or held audit for correction before its decision; the score of the
     * returned revision no longer stands.
     */
    public void returnForCorrection(String reason, Instant at, Who by) {
        if (!returnable()) {
            throw new IllegalStateException("audit " + id + " is " + status + "; only an audit not yet decided "
                    + "(SUBMITTED, SCORED, or held for corrective actions not yet reported verified) can be returned");
        }
        status = AuditStatus.RETURNED;
        score = null;
        band = null;
        timeline.add(new TimelineEntry(AuditStatus.RETURNED, at, by, "revision " + revision + " returned: " + reason));
    }

    /**
     * Whether the CB may still return this audit: before the decision. A held audit stops being returnable once
     * its corrective actions were reported verified, because certificate-service then decides at once.
     */
    public boolean returnable() {
        return status.returnable() && !(status == AuditStatus.AWAITING_CORRECTIVE_ACTIONS
                && Integer.valueOf(revision).equals(correctiveActionsVerifiedRevision));
    }

    /** A new team; names kept from a team stored as free text stay on record (see {@link AuditTeam}). */
    public void assignTeam(AuditTeam newTeam) {
        requireOpen();
        team = team == null || team.formerNames().isEmpty() ? newTeam : newTeam.withFormerNames(team.formerNames());
    }

    public void attach(Attachment attachment) {
        if (status == AuditStatus.DECIDED) {
            throw new IllegalStateException("audit " + id + " is DECIDED; no more evidence can be attached");
        }
        attachments.add(attachment);
    }

    public boolean hasAttachment(String attachmentId) {
        return attachments.stream().anyMatch(a -> a.id().equals(attachmentId));
    }

    /** The enterprise's evidence on a corrective action of the current revision. */
    public void answerCorrectiveAction(String actionId, Evidence evidence) {
        requireCorrecting();
        replaceAction(currentAction(actionId).answer(evidence));
    }

    /**
     * The CB verifies a corrective action; when that settles the current revision's actions, the event telling
     * certificate-service to release its decision is returned (once per revision) for the same save.
     */
    public Optional<CorrectiveActionsVerified> verifyCorrectiveAction(String actionId, Who by, String note,
                                                                      Instant at) {
        requireCorrecting();
        replaceAction(currentAction(actionId).verify(by, note, at));
        return settleCorrectiveActions(at);
    }

    /** CorrectiveActionsVerified when the current revision's actions are all verified and it was not yet reported. */
    public Optional<CorrectiveActionsVerified> settleCorrectiveActions(Instant at) {
        if (!CorrectiveActions.settled(correctiveActions, revision)
                || Integer.valueOf(revision).equals(correctiveActionsVerifiedRevision)) {
            return Optional.empty();
        }
        correctiveActionsVerifiedRevision = revision;
        correctiveActionsVerifiedAt = at;
        return Optional.of(new CorrectiveActionsVerified(id, revision, enterpriseId,
                CorrectiveActions.ofRevision(correctiveActions, revision).size(), at));
    }

    public void placeInProgramme(ProgrammeStep step, String cycle) {
        programmeStep = step;
        cycleId = cycle;
    }

    private CorrectiveAction currentAction(String actionId) {
        return CorrectiveActions.ofRevision(correctiveActions, revision).stream()
                .filter(a -> a.id().equals(actionId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(actionId));
    }

    private void replaceAction(CorrectiveAction next) {
        for (int i = 0; i < correctiveActions.size(); i++) {
            CorrectiveAction a = correctiveActions.get(i);
            if (a.id().equals(next.id()) && a.revision() == next.revision()) {
                correctiveActions.set(i, next);
                return;
            }
        }
    }

    private void requireCorrecting() {
        if (!status.correcting()) {
            throw new IllegalStateException("audit " + id + " is " + status
                    + "; corrective actions are answered and verified between submission and decision");
        }
    }

    public void enqueue(OutboxMessage message) {
        outbox.add(message);
        enqueued.add(message);
    }

    /** The events queued since this audit was read (see {@link AuditRepository}'s save). */
    public List<OutboxMessage> enqueued() {
        return List.copyOf(enqueued);
    }

    /** Saved: the queued events are stored, a later save of this same object appends only what is queued next. */
    void saved() {
        enqueued.clear();
    }

    private void requireOpen() {
        if (!status.open()) {
            throw new IllegalStateException("audit " + id + " is " + status);
        }
    }

    public boolean centralOnly() {
        return sites.stream().allMatch(PlannedSite::central);
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }

    public String id() { return id; }
    public Long version() { return version; }
    public String enterpriseId() { return enterpriseId; }
    public Holder holder() { return holder; }
    public AuditType type() { return type; }
    public AuditStatus status() { return status; }
    public int revision() { return revision; }
    public SchemeRef scheme() { return scheme; }
    public int sampleBase() { return sampleBase; }
    public int sampleSize() { return sampleSize; }
    public long randomSeed() { return randomSeed; }
    public SeedChoice seedChoice() { return seedChoice; }
    public boolean samplingAppropriate() { return samplingAppropriate; }
    public boolean outstanding() { return outstanding; }
    public BigDecimal minimumAuditDays() { return minimumAuditDays; }
    public Enlargement enlargement() { return enlargement; }
    public List<PlannedSite> sites() { return List.copyOf(sites); }
    public List<Finding> findings() { return List.copyOf(findings); }
    public List<Exclusion> exclusions() { return List.copyOf(exclusions); }
    public List<SpecialDeduction> specialDeductions() { return List.copyOf(specialDeductions); }
    public Bonus bonus() { return bonus; }
    public BigDecimal score() { return score; }
    public Band band() { return band; }
    public String certificateNumber() { return certificateNumber; }
    public Decision decision() { return decision; }
    public List<TimelineEntry> timeline() { return List.copyOf(timeline); }
    public AuditTeam team() { return team; }
    public ProgrammeStep programmeStep() { return programmeStep; }
    public String cycleId() { return cycleId; }
    public List<FindingNote> findingNotes() { return List.copyOf(findingNotes); }
    public List<Attachment> attachments() { return List.copyOf(attachments); }
    public List<CorrectiveAction> correctiveActions() { return List.copyOf(correctiveActions); }
    public Instant correctiveActionsVerifiedAt() { return correctiveActionsVerifiedAt; }
    public String correlationId() { return correlationId; }
    public Instant createdAt() { return createdAt; }
}
