package cn.shuangkong.service.safetyrecord;

/**
 * Published inside the transaction that records, changes or removes one of an enterprise's safety records
 * (accident, enforcement action, licence, monitoring alarm, quality finding), for the features that react to it
 * (enterprise grading listens after commit).
 */
public record SafetyRecordChanged(String uscc, Kind kind, long recordId) {

    public enum Kind { ACCIDENT, ENFORCEMENT_ACTION, LICENCE, MONITORING_ALARM, QUALITY_FINDING }
}
