WITH `t19` AS (
  SELECT
    `t18`.`child_id`,
    MIN(`t18`.`end_date`) AS `left_date`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t8`.`episode_id`,
        `t8`.`child_id`,
        `t8`.`team_id`,
        `t8`.`start_date`,
        `t8`.`end_date`,
        `t8`.`reason_new`,
        `t8`.`placement_type`,
        `t8`.`provider`,
        `t8`.`legal_status`,
        `t8`.`reason_ceased`,
        `t9`.`date_of_birth`,
        `t9`.`sex`,
        `t9`.`uasc`,
        `t9`.`family_id`
      FROM `care_episodes` AS `t8`
      INNER JOIN `children` AS `t9`
        ON `t8`.`child_id` = `t9`.`child_id`
    ) AS `t17`
    WHERE
      `t17`.`end_date` IS NOT NULL
      AND (
        (
          CAST(EXTRACT(year FROM `t17`.`end_date`) AS BIGINT) - CAST(EXTRACT(year FROM `t17`.`date_of_birth`) AS BIGINT)
        ) - CAST(IF(
          (
            (
              EXTRACT(month FROM `t17`.`end_date`) * 100
            ) + EXTRACT(day FROM `t17`.`end_date`)
          ) < (
            (
              EXTRACT(month FROM `t17`.`date_of_birth`) * 100
            ) + EXTRACT(day FROM `t17`.`date_of_birth`)
          ),
          1,
          0
        ) AS BIGINT)
      ) >= 16
  ) AS `t18`
  GROUP BY
    1
), `t29` AS (
  SELECT
    `t6`.`month`,
    `t25`.`district`,
    `t25`.`child_id`
  FROM `memtable_1` AS `t6`
  INNER JOIN (
    SELECT
      `t7`.`episode_id`,
      `t7`.`child_id`,
      `t7`.`team_id`,
      `t7`.`start_date`,
      `t7`.`end_date`,
      `t14`.`team_id` AS `team_id_right`,
      `t14`.`district`,
      `t14`.`team_kind`,
      `t21`.`left_date`
    FROM `cin_episodes` AS `t7`
    LEFT OUTER JOIN (
      SELECT
        `t2`.`team_id`,
        `t2`.`district`,
        `t2`.`kind` AS `team_kind`
      FROM `teams` AS `t2`
    ) AS `t14`
      ON `t7`.`team_id` = `t14`.`team_id`
    INNER JOIN `t19` AS `t21`
      ON `t7`.`child_id` = `t21`.`child_id`
  ) AS `t25`
    ON `t25`.`start_date` <= `t6`.`month_end`
    AND COALESCE(`t25`.`end_date`, MAKE_DATE(9999, 12, 31)) > `t6`.`month_end`
    AND `t25`.`left_date` <= `t6`.`month_end`
  LEFT ANTI JOIN (
    SELECT
      `t6`.`month` AS `care_month`,
      `t26`.`child_id` AS `care_child`
    FROM `memtable_1` AS `t6`
    INNER JOIN (
      SELECT
        `t8`.`episode_id`,
        `t8`.`child_id`,
        `t8`.`team_id`,
        `t8`.`start_date`,
        `t8`.`end_date`,
        `t8`.`reason_new`,
        `t8`.`placement_type`,
        `t8`.`provider`,
        `t8`.`legal_status`,
        `t8`.`reason_ceased`
      FROM `care_episodes` AS `t8`
      LEFT SEMI JOIN `t19` AS `t22`
        ON `t8`.`child_id` = `t22`.`child_id`
    ) AS `t26`
      ON `t26`.`start_date` <= `t6`.`month_end`
      AND COALESCE(`t26`.`end_date`, MAKE_DATE(9999, 12, 31)) > `t6`.`month_end`
  ) AS `t28`
    ON `t6`.`month` = `t28`.`care_month` AND `t25`.`child_id` = `t28`.`care_child`
)
SELECT
  *
FROM (
  SELECT
    `t12`.`month`,
    `t16`.`area`,
    COALESCE(CAST(`t36`.`numerator` AS DOUBLE), 0.0) AS `value`,
    COALESCE(CAST(`t36`.`numerator` AS DOUBLE), 0.0) AS `numerator`,
    CAST(NULL AS DOUBLE) AS `denominator`
  FROM (
    SELECT
      `t0`.`month`
    FROM `memtable_1` AS `t0`
  ) AS `t12`
  CROSS JOIN (
    SELECT
      *
    FROM `memtable_2` AS `t1`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        `t2`.`district` AS `area`
      FROM `teams` AS `t2`
      WHERE
        `t2`.`district` IS NOT NULL
    ) AS `t13`
  ) AS `t16`
  LEFT OUTER JOIN (
    SELECT
      `t34`.`month`,
      `t34`.`area`,
      COUNT(*) AS `numerator`
    FROM (
      SELECT DISTINCT
        `t33`.`month`,
        `t33`.`area`,
        `t33`.`child_id`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t30`.`month`,
            `t30`.`district`,
            `t30`.`child_id`,
            '' AS `area`
          FROM `t29` AS `t30`
        ) AS `t31`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t30`.`month`,
            `t30`.`district`,
            `t30`.`child_id`,
            `t30`.`district` AS `area`
          FROM `t29` AS `t30`
          WHERE
            `t30`.`district` IS NOT NULL
        ) AS `t32`
      ) AS `t33`
    ) AS `t34`
    GROUP BY
      1,
      2
  ) AS `t36`
    ON `t12`.`month` = `t36`.`month` AND `t16`.`area` = `t36`.`area`
) AS `t37`
ORDER BY
  `t37`.`month` ASC NULLS LAST,
  `t37`.`area` ASC NULLS LAST
