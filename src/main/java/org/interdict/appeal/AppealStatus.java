package org.interdict.appeal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * An appeal's status follows its reviews: received while none is taken up, under review while one is open and
 * another was taken up or closed, inadmissible when every review found it so, decided once all are closed otherwise.
 * A withdrawn appeal stays withdrawn.
 */
final class AppealStatus {

    private AppealStatus() {}

    /** Opens a review for each authority whose orders block a contested target, the appeal being received now. */
    static void openReviews(Connection c, long appeal, Instant received) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into appeal_review (appeal_id, authority_id, status,"
                + " received_at) select distinct ?, d.authority_id, 'RECEIVED', ?::timestamptz from appeal_target t"
                + " join directive d on d.id = any(t.directive_ids)"
                + " where t.appeal_id = ? and d.authority_id is not null on conflict do nothing")) {
            s.setLong(1, appeal);
            s.setTimestamp(2, Timestamp.from(received));
            s.setLong(3, appeal);
            s.executeUpdate();
        }
    }

    static void follow(Connection c, long appeal, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("with r as (select count(*) filter (where status = 'RECEIVED')"
                + " as received, count(*) filter (where status in ('RECEIVED', 'UNDER_REVIEW')) as open,"
                + " count(*) filter (where status = 'INADMISSIBLE') as inadmissible, count(*) as total"
                + " from appeal_review where appeal_id = ?)"
                + " update appeal a set status = case when r.received = r.total then 'RECEIVED'"
                + " when r.open > 0 then 'UNDER_REVIEW' when r.inadmissible = r.total then 'INADMISSIBLE'"
                + " else 'DECIDED' end, closed_at = case when r.open = 0 then ?::timestamptz end,"
                + " version = a.version + 1"
                + " from r where a.id = ? and a.status not in ('UNCONFIRMED', 'WITHDRAWN') and r.total > 0")) {
            s.setLong(1, appeal);
            s.setTimestamp(2, Timestamp.from(now));
            s.setLong(3, appeal);
            s.executeUpdate();
        }
    }
}
