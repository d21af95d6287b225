WITH "t24" AS (
  SELECT
    "t9"."episode_id",
    "t9"."family_id",
    "t9"."team_id",
    "t9"."start_date",
    "t9"."end_date",
    "t9"."outcome",
    "t16"."team_id" AS "team_id_right",
    "t16"."district",
    "t16"."team_kind",
    "t18"."child_id",
    "t18"."date_of_birth",
    "t18"."child_family"
  FROM "eh_episodes" AS "t9"
  LEFT OUTER JOIN (
    SELECT
      "t2"."team_id",
      "t2"."district",
      "t2"."kind" AS "team_kind"
    FROM "teams" AS "t2"
  ) AS "t16"
    ON "t9"."team_id" = "t16"."team_id"
  INNER JOIN (
    SELECT
      "t6"."child_id",
      "t6"."date_of_birth",
      "t6"."family_id" AS "child_family"
    FROM "children" AS "t6"
  ) AS "t18"
    ON "t9"."family_id" = "t18"."child_family"
)
SELECT
  *
FROM (
  SELECT
    "t14"."month",
    "t20"."area",
    COALESCE(CAST("t41"."numerator" AS DOUBLE), 0.0) / NULLIF("t41"."denominator", 0) AS "value",
    COALESCE(CAST("t41"."numerator" AS DOUBLE), 0.0) AS "numerator",
    "t41"."denominator"
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
    ) AS "t15"
  ) AS "t20"
  LEFT OUTER JOIN (
    SELECT
      "t39"."month",
      "t39"."area",
      "t39"."numerator",
      "t33"."month" AS "month_right",
      "t33"."area" AS "area_right",
      "t33"."denominator"
    FROM (
      SELECT
        "t37"."month",
        "t37"."area",
        "t37"."numerator"
      FROM (
        SELECT
          "t36"."month",
          "t36"."area",
          SUM("t36"."n") OVER (
            PARTITION BY "t36"."area"
            ORDER BY "t36"."month" ASC
            ROWS BETWEEN 11 preceding AND CURRENT ROW
          ) AS "numerator",
          SUM("t36"."d") OVER (
            PARTITION BY "t36"."area"
            ORDER BY "t36"."month" ASC
            ROWS BETWEEN 11 preceding AND CURRENT ROW
          ) AS "denominator"
        FROM (
          SELECT
            "t8"."month",
            "t20"."area",
            COALESCE("t35"."n", 0) AS "n",
            COALESCE("t35"."d", 0) AS "d"
          FROM "memtable_3" AS "t8"
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
            ) AS "t15"
          ) AS "t20"
          LEFT OUTER JOIN (
            SELECT
              "t32"."month",
              "t32"."area",
              SUM("t32"."numerator") AS "n",
              SUM("t32"."denominator") AS "d"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t25"."district",
                  MAKE_DATE(EXTRACT(year FROM "t25"."start_date"), EXTRACT(month FROM "t25"."start_date"), 1) AS "month",
                  1 AS "numerator",
                  0 AS "denominator",
                  '' AS "area"
                FROM "t24" AS "t25"
                WHERE
                  "t25"."date_of_birth" <= "t25"."start_date"
                  AND (
                    (
                      CAST(EXTRACT(year FROM "t25"."start_date") AS BIGINT) - CAST(EXTRACT(year FROM "t25"."date_of_birth") AS BIGINT)
                    ) - CAST(CASE
                      WHEN (
                        (
                          EXTRACT(month FROM "t25"."start_date") * 100
                        ) + EXTRACT(day FROM "t25"."start_date")
                      ) < (
                        (
                          EXTRACT(month FROM "t25"."date_of_birth") * 100
                        ) + EXTRACT(day FROM "t25"."date_of_birth")
                      )
                      THEN 1
                      ELSE 0
                    END AS BIGINT)
                  ) < 18
              ) AS "t29"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t25"."district",
                  MAKE_DATE(EXTRACT(year FROM "t25"."start_date"), EXTRACT(month FROM "t25"."start_date"), 1) AS "month",
                  1 AS "numerator",
                  0 AS "denominator",
                  "t25"."district" AS "area"
                FROM "t24" AS "t25"
                WHERE
                  "t25"."date_of_birth" <= "t25"."start_date"
                  AND (
                    (
                      CAST(EXTRACT(year FROM "t25"."start_date") AS BIGINT) - CAST(EXTRACT(year FROM "t25"."date_of_birth") AS BIGINT)
                    ) - CAST(CASE
                      WHEN (
                        (
                          EXTRACT(month FROM "t25"."start_date") * 100
                        ) + EXTRACT(day FROM "t25"."start_date")
                      ) < (
                        (
                          EXTRACT(month FROM "t25"."date_of_birth") * 100
                        ) + EXTRACT(day FROM "t25"."date_of_birth")
                      )
                      THEN 1
                      ELSE 0
                    END AS BIGINT)
                  ) < 18
                  AND "t25"."district" IS NOT NULL
              ) AS "t30"
            ) AS "t32"
            GROUP BY
              1,
              2
          ) AS "t35"
            ON "t8"."month" = "t35"."month" AND "t20"."area" = "t35"."area"
        ) AS "t36"
      ) AS "t37"
    ) AS "t39"
    LEFT OUTER JOIN (
      SELECT
        "t28"."month",
        "t28"."area",
        CAST("t23"."population" AS DOUBLE) / 10000 AS "denominator"
      FROM (
        SELECT
          "t26"."month",
          "t26"."area",
          MAX("t26"."year") AS "year"
        FROM (
          SELECT
            "t7"."month",
            "t7"."month_end",
            "t7"."month_index",
            "t23"."year",
            "t23"."population",
            "t23"."area"
          FROM "memtable_1" AS "t7"
          INNER JOIN (
            SELECT
              *
            FROM (
              SELECT
                "t4"."year",
                "t4"."population",
                "t4"."district" AS "area"
              FROM "population" AS "t4"
            ) AS "t12"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t4"."year",
                  SUM("t4"."population") AS "population",
                  '' AS "area"
                FROM "population" AS "t4"
                GROUP BY
                  1
              ) AS "t17"
            ) AS "t21"
          ) AS "t23"
            ON "t23"."year" <= (
              EXTRACT(year FROM "t7"."month") - 1
            )
        ) AS "t26"
        GROUP BY
          1,
          2
      ) AS "t28"
      INNER JOIN (
        SELECT
          *
        FROM (
          SELECT
            "t4"."year",
            "t4"."population",
            "t4"."district" AS "area"
          FROM "population" AS "t4"
        ) AS "t12"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t4"."year",
              SUM("t4"."population") AS "population",
              '' AS "area"
            FROM "population" AS "t4"
            GROUP BY
              1
          ) AS "t17"
        ) AS "t21"
      ) AS "t23"
        ON "t28"."area" = "t23"."area" AND "t28"."year" = "t23"."year"
    ) AS "t33"
      ON "t39"."month" = "t33"."month" AND "t39"."area" = "t33"."area"
  ) AS "t41"
    ON "t14"."month" = "t41"."month" AND "t20"."area" = "t41"."area"
) AS "t42"
ORDER BY
  "t42"."month" ASC,
  "t42"."area" ASC
