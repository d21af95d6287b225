SELECT
  *
FROM (
  SELECT
    "t5"."month",
    "t3"."area",
    COALESCE(CAST("t8"."numerator" AS DOUBLE PRECISION), 0.0) AS "value",
    COALESCE(CAST("t8"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    CAST(NULL AS DOUBLE PRECISION) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t5"
  CROSS JOIN "memtable_2" AS "t3"
  LEFT OUTER JOIN (
    SELECT
      "t6"."month",
      "t6"."area",
      COUNT(*) AS "numerator"
    FROM (
      SELECT
        MAKE_DATE(
          CAST(EXTRACT(year FROM "t2"."contact_date") AS INT),
          CAST(EXTRACT(month FROM "t2"."contact_date") AS INT),
          CAST(1 AS INT)
        ) AS "month",
        '' AS "area"
      FROM "front_door_contacts" AS "t2"
      WHERE
        "t2"."outcome" = 'Threshold met for CSWS'
    ) AS "t6"
    GROUP BY
      1,
      2
  ) AS "t8"
    ON "t5"."month" = "t8"."month" AND "t3"."area" = "t8"."area"
) AS "t9"
ORDER BY
  "t9"."month" ASC,
  "t9"."area" ASC
