SELECT
  *
FROM (
  SELECT
    "t14"."month",
    "t20"."area",
    (
      CAST(COALESCE(CAST("t34"."numerator" AS DOUBLE PRECISION), 0.0) AS DOUBLE PRECISION) / NULLIF(COALESCE(CAST("t34"."denominator" AS DOUBLE PRECISION), 0.0), 0)
    ) * 100.0 AS "value",
    COALESCE(CAST("t34"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    COALESCE(CAST("t34"."denominator" AS DOUBLE PRECISION), 0.0) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t14"
  CROSS JOIN (
    SELECT
      *
    FROM "memtable_2" AS "t1"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        "t2"."district" AS "area"
      FROM "teams" AS "t2"
      WHERE
        "t2"."district" IS NOT NULL
    ) AS "t16"
  ) AS "t20"
  LEFT OUTER JOIN (
    SELECT
      "t15"."month",
      "t20"."area",
      SUM(COALESCE("t32"."numerator", 0)) OVER (
        PARTITION BY "t20"."area"
        ORDER BY "t15"."month_index" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS "numerator",
      SUM(COALESCE("t32"."denominator", 0)) OVER (
        PARTITION BY "t20"."area"
        ORDER BY "t15"."month_index" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS "denominator"
    FROM (
      SELECT
        "t0"."month",
        "t0"."month_index"
      FROM "memtable_1" AS "t0"
    ) AS "t15"
    CROSS JOIN (
      SELECT
        *
      FROM "memtable_2" AS "t1"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT DISTINCT
          "t2"."district" AS "area"
        FROM "teams" AS "t2"
        WHERE
          "t2"."district" IS NOT NULL
      ) AS "t16"
    ) AS "t20"
    LEFT OUTER JOIN (
      SELECT
        "t30"."area",
        "t30"."month_index",
        SUM("t30"."change") FILTER(WHERE
          "t30"."span_column" = 'numerator') AS "numerator",
        SUM("t30"."change") FILTER(WHERE
          "t30"."span_column" = 'denominator') AS "denominator"
      FROM (
        SELECT
          "t29"."area",
          "t29"."span_column",
          CASE
            WHEN "t29"."span_end" = 1
            THEN CASE
              WHEN "t29"."span_column" = 'numerator'
              THEN "t29"."last_in_house"
              WHEN "t29"."span_column" = 'denominator'
              THEN "t29"."hi"
              ELSE NULL
            END + 1
            ELSE CASE
              WHEN "t29"."span_column" = 'numerator'
              THEN "t29"."lo"
              WHEN "t29"."span_column" = 'denominator'
              THEN "t29"."lo"
              ELSE NULL
            END
          END AS "month_index",
          CASE WHEN "t29"."span_end" = 1 THEN -1 ELSE 1 END AS "change"
        FROM (
          SELECT
            "t28"."district",
            "t28"."start_date",
            "t28"."end_date",
            "t28"."in_house",
            "t28"."lo",
            "t28"."hi",
            "t28"."last_in_house",
            "t28"."area",
            "t7"."span_column",
            "t7"."span_end"
          FROM (
            SELECT
              "t26"."district",
              "t26"."start_date",
              "t26"."end_date",
              "t26"."in_house",
              "t26"."lo",
              "t26"."hi",
              "t26"."last_in_house",
              "t26"."area"
            FROM (
              SELECT
                "t25"."district",
                "t25"."start_date",
                "t25"."end_date",
                "t25"."in_house",
                "t25"."lo",
                "t25"."hi",
                "t25"."last_in_house",
                "t25"."spread_copy",
                CASE WHEN "t25"."spread_copy" = 0 THEN '' ELSE "t25"."district" END AS "area"
              FROM (
                SELECT
                  "t24"."district",
                  "t24"."start_date",
                  "t24"."end_date",
                  "t24"."in_house",
                  "t24"."lo",
                  "t24"."hi",
                  "t24"."last_in_house",
                  "t8"."spread_copy"
                FROM (
                  SELECT
                    "t22"."district",
                    "t22"."start_date",
                    "t22"."end_date",
                    "t22"."in_house",
                    "t22"."lo",
                    "t22"."hi",
                    CASE WHEN "t22"."in_house" = 1 THEN "t22"."hi" ELSE CAST(NULL AS BIGINT) END AS "last_in_house"
                  FROM (
                    SELECT
                      "t21"."district",
                      "t21"."start_date",
                      "t21"."end_date",
                      CAST(CASE
                        WHEN "t21"."placement_type" IN ('U1', 'U2', 'U3') OR (
                          "t21"."provider" = 'PR1'
                        )
                        THEN 1
                        ELSE 0
                      END AS BIGINT) AS "in_house",
                      CASE
                        WHEN (
                          (
                            (
                              CAST(EXTRACT(year FROM "t21"."start_date") AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM "t21"."start_date") AS BIGINT)
                          ) - 1
                        ) < 24234
                        THEN 24234
                        ELSE (
                          (
                            CAST(EXTRACT(year FROM "t21"."start_date") AS BIGINT) * 12
                          ) + CAST(EXTRACT(month FROM "t21"."start_date") AS BIGINT)
                        ) - 1
                      END AS "lo",
                      CASE
                        WHEN COALESCE(
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM "t21"."end_date") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t21"."end_date") AS BIGINT)
                            ) - 1
                          ) - 1,
                          24245
                        ) > 24245
                        THEN 24245
                        ELSE COALESCE(
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM "t21"."end_date") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t21"."end_date") AS BIGINT)
                            ) - 1
                          ) - 1,
                          24245
                        )
                      END AS "hi"
                    FROM (
                      SELECT
                        "t9"."episode_id",
                        "t9"."child_id",
                        "t9"."team_id",
                        "t9"."start_date",
                        "t9"."end_date",
                        "t9"."reason_new",
                        "t9"."placement_type",
                        "t9"."provider",
                        "t9"."legal_status",
                        "t9"."reason_ceased",
                        "t17"."team_id" AS "team_id_right",
                        "t17"."district",
                        "t17"."team_kind",
                        "t18"."uasc"
                      FROM "care_episodes" AS "t9"
                      LEFT OUTER JOIN (
                        SELECT
                          "t2"."team_id",
                          "t2"."district",
                          "t2"."kind" AS "team_kind"
                        FROM "teams" AS "t2"
                      ) AS "t17"
                        ON "t9"."team_id" = "t17"."team_id"
                      INNER JOIN (
                        SELECT
                          "t6"."child_id",
                          "t6"."uasc"
                        FROM "children" AS "t6"
                      ) AS "t18"
                        ON "t9"."child_id" = "t18"."child_id"
                    ) AS "t21"
                    WHERE
                      NOT (
                        "t21"."uasc"
                      )
                      AND "t21"."placement_type" IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')
                  ) AS "t22"
                  WHERE
                    "t22"."lo" <= "t22"."hi"
                ) AS "t24"
                CROSS JOIN "memtable_3" AS "t8"
              ) AS "t25"
              WHERE
                (
                  "t25"."spread_copy" = 0
                ) OR (
                  "t25"."district" IS NOT NULL
                )
            ) AS "t26"
          ) AS "t28"
          CROSS JOIN "memtable_4" AS "t7"
        ) AS "t29"
        WHERE
          CASE
            WHEN "t29"."span_column" = 'numerator'
            THEN "t29"."lo"
            WHEN "t29"."span_column" = 'denominator'
            THEN "t29"."lo"
            ELSE NULL
          END <= CASE
            WHEN "t29"."span_column" = 'numerator'
            THEN "t29"."last_in_house"
            WHEN "t29"."span_column" = 'denominator'
            THEN "t29"."hi"
            ELSE NULL
          END
      ) AS "t30"
      GROUP BY
        1,
        2
    ) AS "t32"
      ON "t20"."area" = "t32"."area" AND "t15"."month_index" = "t32"."month_index"
  ) AS "t34"
    ON "t14"."month" = "t34"."month" AND "t20"."area" = "t34"."area"
) AS "t35"
ORDER BY
  "t35"."month" ASC,
  "t35"."area" ASC
