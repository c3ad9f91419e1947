package com.starcert.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starcert.audit.decision.Decision;
import com.starcert.audit.findings.FindingsUpdate;
import com.starcert.audit.planning.Enlargement;
import com.starcert.audit.planning.PlannedSite;
import com.starcert.contracts.AuditSubmitted;
import com.starcert.contracts.AuditSubmitted.Bonus;
import com.starcert.contracts.AuditSubmitted.Exclusion;
import com.starcert.contracts.AuditSubmitted.Finding;
import com.starcert.contracts.AuditSubmitted.SpecialDeduction;
import com.starcert.contracts.AuditType;
import com.starcert.contracts.Band;
import com.starcert.contracts.Holder;
import com.starcert.contracts.SchemeRef;
import com.starcert.support.messaging.OutboxAggregate;
import com.starcert.support.messaging.OutboxMessage;

/**
 * An audit (审核) of one enterprise: its pinned scheme, its site plan, the findings captured site by site, and
 * what scoring and certification made of it. The document is its own outbox: the AuditSubmitted event is written
 * in the same save as the status change.
 */
@Document("audits")
@CompoundIndex(name = "enterprise_newest_first", def = "{'enterpriseId': 1, 'createdAt': -1}")
public class Audit implements OutboxAggregate {

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
    private String correlationId;
    private Instant createdAt;
    private List<OutboxMessage> outbox = new ArrayList<>();

    protected Audit() {
        // for the mapping layer
    }

    /** A new audit in status PLANNED, revision 0. */
    public static Audit planned(String id, String enterpriseId, Holder holder, AuditType type, SchemeRef scheme,
                                int sampleBase, int sampleSize, long randomSeed, boolean samplingAppropriate,
                                boolean outstanding, BigDecimal minimumAuditDays, Enlargement enlargement,
                                List<PlannedSite> sites, String correlationId, Instant at, String by) {
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
     * the bonus replace the stored ones only when given. The first findings start the audit.
     */
    public void record(FindingsUpdate update, Instant at, String by) {
        requireOpen();
        Map<String, Finding> merged = new LinkedHashMap<>();
        for (Finding f : findings) {
            merged.put(f.siteId() + "|" + f.indicator(), f);
        }
        for (Finding f : update.findings()) {
            merged.put(f.siteId() + "|" + f.indicator(), f);
        }
        findings = new ArrayList<>(merged.values());
        if (update.exclusions() != null) {
            exclusions = new ArrayList<>(update.exclusions());
        }
        if (update.specialDeductions() != null) {
            specialDeductions = new ArrayList<>(update.specialDeductions());
        }
        if (update.bonus() != null) {
            bonus = update.bonus();
        }
        if (status == AuditStatus.PLANNED) {
            status = AuditStatus.IN_PROGRESS;
            timeline.add(new TimelineEntry(AuditStatus.IN_PROGRESS, at, by));
        }
    }

    /**
     * Submits the findings for scoring: the status change and the event go out together, the caller appending
     * the event to the outbox before the one save.
     */
    public AuditSubmitted submit(Holder currentHolder, Instant at, String by) {
        requireOpen();
        revision++;
        status = AuditStatus.SUBMITTED;
        holder = currentHolder;
        timeline.add(new TimelineEntry(AuditStatus.SUBMITTED, at, by));
        return new AuditSubmitted(id, revision, enterpriseId, holder, type, scheme,
                sites.stream().map(PlannedSite::audited).toList(), List.copyOf(findings), List.copyOf(exclusions),
                List.copyOf(specialDeductions), bonus, outstanding, at);
    }

    public void enqueue(OutboxMessage message) {
        outbox.add(message);
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
    public String correlationId() { return correlationId; }
    public Instant createdAt() { return createdAt; }
}
