WITH "t16" AS (
  SELECT
    "t7"."child_id",
    "t7"."team_id",
    "t7"."birthday",
    "t7"."leaver_status",
    "t7"."contact_date",
    "t7"."activity",
    "t13"."team_id" AS "team_id_right",
    "t13"."district",
    "t13"."team_kind",
    "t8"."date_of_birth",
    "t8"."sex",
    "t8"."uasc",
    "t8"."family_id"
  FROM "care_leaver_contacts" AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t2"."team_id",
      "t2"."district",
      "t2"."kind" AS "team_kind"
    FROM "teams" AS "t2"
  ) AS "t13"
    ON "t7"."team_id" = "t13"."team_id"
  INNER JOIN "children" AS "t8"
    ON "t7"."child_id" = "t8"."child_id"
)
SELECT
  *
FROM (
  SELECT
    "t11"."month",
    "t15"."area",
    (
      CAST(COALESCE(CAST("t25"."numerator" AS DOUBLE PRECISION), 0.0) AS DOUBLE PRECISION) / NULLIF(COALESCE(CAST("t25"."denominator" AS DOUBLE PRECISION), 0.0), 0)
    ) * 100.0 AS "value",
    COALESCE(CAST("t25"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    COALESCE(CAST("t25"."denominator" AS DOUBLE PRECISION), 0.0) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t11"
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
    ) AS "t12"
  ) AS "t15"
  LEFT OUTER JOIN (
    SELECT
      "t23"."month",
      "t23"."area",
      SUM("t23"."n") OVER (
        PARTITION BY "t23"."area"
        ORDER BY "t23"."month" ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS "numerator",
      SUM("t23"."d") OVER (
        PARTITION BY "t23"."area"
        ORDER BY "t23"."month" ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS "denominator"
    FROM (
      SELECT
        "t6"."month",
        "t15"."area",
        COALESCE("t22"."n", 0) AS "n",
        COALESCE("t22"."d", 0) AS "d"
      FROM "memtable_3" AS "t6"
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
        ) AS "t12"
      ) AS "t15"
      LEFT OUTER JOIN (
        SELECT
          "t20"."month",
          "t20"."area",
          SUM("t20"."numerator") AS "n",
          SUM("t20"."denominator") AS "d"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t17"."district",
              MAKE_DATE(
                CAST(EXTRACT(year FROM "t17"."birthday") AS INT),
                CAST(EXTRACT(month FROM "t17"."birthday") AS INT),
                CAST(1 AS INT)
              ) AS "month",
              CAST(CASE
                WHEN "t17"."activity" IN ('education', 'training', 'employment')
                THEN 1
                ELSE 0
              END AS BIGINT) AS "numerator",
              1 AS "denominator",
              '' AS "area"
            FROM "t16" AS "t17"
            WHERE
              "t17"."leaver_status" IN ('relevant', 'former_relevant')
              AND (
                CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) - CAST(EXTRACT(year FROM "t17"."date_of_birth") AS BIGINT)
              ) - CAST(CASE
                WHEN (
                  (
                    EXTRACT(month FROM "t17"."birthday") * 100
                  ) + EXTRACT(day FROM "t17"."birthday")
                ) < (
                  (
                    EXTRACT(month FROM "t17"."date_of_birth") * 100
                  ) + EXTRACT(day FROM "t17"."date_of_birth")
                )
                THEN 1
                ELSE 0
              END AS BIGINT) BETWEEN 17 AND 21
              AND "t17"."contact_date" IS NOT NULL
              AND (
                (
                  (
                    "t17"."contact_date" <= "t17"."birthday"
                  )
                  AND (
                    (
                      (
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM "t17"."birthday") AS BIGINT)
                          ) - 1
                        ) - (
                          (
                            (
                              CAST(EXTRACT(year FROM "t17"."contact_date") AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM "t17"."contact_date") AS BIGINT)
                          ) - 1
                        )
                      ) < 3
                    )
                    OR (
                      (
                        (
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t17"."birthday") AS BIGINT)
                            ) - 1
                          ) - (
                            (
                              (
                                CAST(EXTRACT(year FROM "t17"."contact_date") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t17"."contact_date") AS BIGINT)
                            ) - 1
                          )
                        ) = 3
                      )
                      AND (
                        EXTRACT(day FROM "t17"."birthday") <= EXTRACT(day FROM "t17"."contact_date")
                      )
                    )
                  )
                )
                OR (
                  (
                    "t17"."contact_date" >= "t17"."birthday"
                  )
                  AND (
                    (
                      (
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM "t17"."contact_date") AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM "t17"."contact_date") AS BIGINT)
                          ) - 1
                        ) - (
                          (
                            (
                              CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM "t17"."birthday") AS BIGINT)
                          ) - 1
                        )
                      ) < 1
                    )
                    OR (
                      (
                        (
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM "t17"."contact_date") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t17"."contact_date") AS BIGINT)
                            ) - 1
                          ) - (
                            (
                              (
                                CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t17"."birthday") AS BIGINT)
                            ) - 1
                          )
                        ) = 1
                      )
                      AND (
                        EXTRACT(day FROM "t17"."contact_date") <= EXTRACT(day FROM "t17"."birthday")
                      )
                    )
                  )
                )
              )
          ) AS "t18"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              "t17"."district",
              MAKE_DATE(
                CAST(EXTRACT(year FROM "t17"."birthday") AS INT),
                CAST(EXTRACT(month FROM "t17"."birthday") AS INT),
                CAST(1 AS INT)
              ) AS "month",
              CAST(CASE
                WHEN "t17"."activity" IN ('education', 'training', 'employment')
                THEN 1
                ELSE 0
              END AS BIGINT) AS "numerator",
              1 AS "denominator",
              "t17"."district" AS "area"
            FROM "t16" AS "t17"
            WHERE
              "t17"."leaver_status" IN ('relevant', 'former_relevant')
              AND (
                CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) - CAST(EXTRACT(year FROM "t17"."date_of_birth") AS BIGINT)
              ) - CAST(CASE
                WHEN (
                  (
                    EXTRACT(month FROM "t17"."birthday") * 100
                  ) + EXTRACT(day FROM "t17"."birthday")
                ) < (
                  (
                    EXTRACT(month FROM "t17"."date_of_birth") * 100
                  ) + EXTRACT(day FROM "t17"."date_of_birth")
                )
                THEN 1
                ELSE 0
              END AS BIGINT) BETWEEN 17 AND 21
              AND "t17"."contact_date" IS NOT NULL
              AND (
                (
                  (
                    "t17"."contact_date" <= "t17"."birthday"
                  )
                  AND (
                    (
                      (
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM "t17"."birthday") AS BIGINT)
                          ) - 1
                        ) - (
                          (
                            (
                              CAST(EXTRACT(year FROM "t17"."contact_date") AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM "t17"."contact_date") AS BIGINT)
                          ) - 1
                        )
                      ) < 3
                    )
                    OR (
                      (
                        (
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t17"."birthday") AS BIGINT)
                            ) - 1
                          ) - (
                            (
                              (
                                CAST(EXTRACT(year FROM "t17"."contact_date") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t17"."contact_date") AS BIGINT)
                            ) - 1
                          )
                        ) = 3
                      )
                      AND (
                        EXTRACT(day FROM "t17"."birthday") <= EXTRACT(day FROM "t17"."contact_date")
                      )
                    )
                  )
                )
                OR (
                  (
                    "t17"."contact_date" >= "t17"."birthday"
                  )
                  AND (
                    (
                      (
                        (
                          (
                            (
                              CAST(EXTRACT(year FROM "t17"."contact_date") AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM "t17"."contact_date") AS BIGINT)
                          ) - 1
                        ) - (
                          (
                            (
                              CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) * 12
                            ) + CAST(EXTRACT(month FROM "t17"."birthday") AS BIGINT)
                          ) - 1
                        )
                      ) < 1
                    )
                    OR (
                      (
                        (
                          (
                            (
                              (
                                CAST(EXTRACT(year FROM "t17"."contact_date") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t17"."contact_date") AS BIGINT)
                            ) - 1
                          ) - (
                            (
                              (
                                CAST(EXTRACT(year FROM "t17"."birthday") AS BIGINT) * 12
                              ) + CAST(EXTRACT(month FROM "t17"."birthday") AS BIGINT)
                            ) - 1
                          )
                        ) = 1
                      )
                      AND (
                        EXTRACT(day FROM "t17"."contact_date") <= EXTRACT(day FROM "t17"."birthday")
                      )
                    )
                  )
                )
              )
              AND "t17"."district" IS NOT NULL
          ) AS "t19"
        ) AS "t20"
        GROUP BY
          1,
          2
      ) AS "t22"
        ON "t6"."month" = "t22"."month" AND "t15"."area" = "t22"."area"
    ) AS "t23"
  ) AS "t25"
    ON "t11"."month" = "t25"."month" AND "t15"."area" = "t25"."area"
) AS "t26"
ORDER BY
  "t26"."month" ASC,
  "t26"."area" ASC
