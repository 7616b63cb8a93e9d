package cn.shuangkong.rules.hiddendanger;

import java.time.LocalDate;

import org.kie.api.definition.type.Modifies;

/**
 * The fact the hidden-danger rules see: a validated finding and what the rules conclude from it — the level
 * and the clause that makes it 重大, how it is dealt with, the table's terms in days and the deadline.
 *
 * <p>The rules change it inside {@code modify} blocks; {@link Modifies} tells Drools which property each
 * conclusion touches, so a rule reacts only to what it reads: the level rules, which read only the inputs,
 * never fire again, and an any-type deadline row whose {@code defaultDays == null} guard a danger-type row has
 * already spent is taken off the agenda.
 */
public final class HiddenDangerAssessment {

    private final boolean checklistItemMajor;
    private final String checklistItemClause;
    private final boolean reportedMajor;
    private final String reportedMajorClause;
    private final ManageType reportedManageType;
    private final DangerType dangerType;
    private final LocalDate foundOn;
    private final LocalDate requestedDeadline;
    private final boolean setByRegulator;

    private HiddenDangerLevel level;
    private String majorClause;
    private ManageType manageType;
    private Integer defaultDays;
    private Integer maximumDays;
    private LocalDate defaultDeadline;
    private LocalDate latestDeadline;
    private LocalDate deadline;

    /** From an input already validated: a major flag has its clause, foundOn and dangerType are present. */
    HiddenDangerAssessment(FindingInput input) {
        this.checklistItemMajor = input.checklistItemMajor();
        this.checklistItemClause = stripped(input.checklistItemClause());
        this.reportedMajor = input.reportedMajor();
        this.reportedMajorClause = stripped(input.reportedMajorClause());
        this.reportedManageType = input.manageType();
        this.dangerType = input.dangerType();
        this.foundOn = input.foundOn();
        this.requestedDeadline = input.requestedDeadline();
        this.setByRegulator = input.setByRegulator();
        // FindingInput: no manage type means 限期整改; a rule changes it only when the level forbids it.
        this.manageType = input.manageType() == null ? ManageType.DEADLINE : input.manageType();
    }

    public boolean isChecklistItemMajor() {
        return checklistItemMajor;
    }

    public String getChecklistItemClause() {
        return checklistItemClause;
    }

    public boolean isReportedMajor() {
        return reportedMajor;
    }

    public String getReportedMajorClause() {
        return reportedMajorClause;
    }

    /** As reported, null when the reporter gave none. */
    public ManageType getReportedManageType() {
        return reportedManageType;
    }

    public DangerType getDangerType() {
        return dangerType;
    }

    public LocalDate getFoundOn() {
        return foundOn;
    }

    public LocalDate getRequestedDeadline() {
        return requestedDeadline;
    }

    public boolean isSetByRegulator() {
        return setByRegulator;
    }

    public HiddenDangerLevel getLevel() {
        return level;
    }

    public String getMajorClause() {
        return majorClause;
    }

    public ManageType getManageType() {
        return manageType;
    }

    public Integer getDefaultDays() {
        return defaultDays;
    }

    public Integer getMaximumDays() {
        return maximumDays;
    }

    public LocalDate getDefaultDeadline() {
        return defaultDeadline;
    }

    public LocalDate getLatestDeadline() {
        return latestDeadline;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    /**
     * Called by a rule that finds the danger 重大; the first clause stays, so that a 判定标准 item, whose rule
     * decides first, is cited before the reporter's own clause.
     */
    @Modifies({"level", "majorClause"})
    public void concludeMajor(String clause) {
        level = HiddenDangerLevel.MAJOR;
        if (majorClause == null) {
            majorClause = clause;
        }
    }

    /** Called by the rule that finds nothing making the danger 重大; never lowers a 重大 danger. */
    @Modifies("level")
    public void concludeGeneral() {
        if (level == null) {
            level = HiddenDangerLevel.GENERAL;
        }
    }

    @Modifies("manageType")
    public void concludeManageType(ManageType concluded) {
        manageType = concluded;
    }

    /**
     * Called by a row of the deadline table: the default term, counted in days from the day the danger is found.
     * Only one row may decide; a second means a row lost its guard (an empty 隐患级别 cell).
     */
    @Modifies({"defaultDays", "defaultDeadline"})
    public void concludeDefaultDays(int days) {
        if (defaultDays != null) {
            throw new IllegalStateException("Two rows of the hidden-danger deadline table decided the terms; every row must name a level");
        }
        defaultDays = days;
        defaultDeadline = foundOn.plusDays(days);
    }

    /** Called by a row of the deadline table: the longest term allowed without a regulator, in days from the day found. */
    @Modifies({"maximumDays", "latestDeadline"})
    public void concludeMaximumDays(int days) {
        if (maximumDays != null) {
            throw new IllegalStateException("Two rows of the hidden-danger deadline table decided the terms; every row must name a level");
        }
        maximumDays = days;
        latestDeadline = foundOn.plusDays(days);
    }

    @Modifies("deadline")
    public void concludeDeadline(LocalDate concluded) {
        deadline = concluded;
    }

    private static String stripped(String clause) {
        return clause == null || clause.isBlank() ? null : clause.strip();
    }
}
